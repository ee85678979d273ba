package fr.contact.eds.auditproof;

import java.util.HexFormat;

/** Hashes travel as lowercase hexadecimal, as in the RFC 6962 test vectors. */
public final class Hex {

    private static final HexFormat FORMAT = HexFormat.of();

    private Hex() {}

    public static String of(byte[] bytes) {
        return FORMAT.formatHex(bytes);
    }

    public static byte[] parse(String hex) {
        return FORMAT.parseHex(hex);
    }
}
