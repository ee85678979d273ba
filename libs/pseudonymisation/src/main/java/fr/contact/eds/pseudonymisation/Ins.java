package fr.contact.eds.pseudonymisation;

import java.math.BigInteger;
import java.util.regex.Pattern;

/** The INS (NIR form): 13 characters and a 2-digit control key; Corsican births carry 2A or 2B. */
final class Ins {

    private static final Pattern SHAPE = Pattern.compile("[12378]\\d{4}(\\d{2}|2A|2B)\\d{6}\\d{2}");

    private Ins() {}

    static String validate(String raw) {
        String ins = raw == null ? "" : raw.replaceAll("[\\s.-]", "").toUpperCase(java.util.Locale.ROOT);
        if (!SHAPE.matcher(ins).matches()) {
            throw new InvalidIdentityException("qualifiedIns", "INS must be 13 characters and a 2-digit key");
        }
        String body = ins.substring(0, 13).replace("2A", "19").replace("2B", "18");
        int key = Integer.parseInt(ins.substring(13));
        int expected = 97 - new BigInteger(body).mod(BigInteger.valueOf(97)).intValue();
        if (key != expected) {
            throw new InvalidIdentityException("qualifiedIns", "INS control key does not match");
        }
        return ins;
    }
}
