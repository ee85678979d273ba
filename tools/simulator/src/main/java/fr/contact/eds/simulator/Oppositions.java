package fr.contact.eds.simulator;

import fr.contact.eds.localkeys.LocalKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Oppositions of made-up patients, for the benchmarks that time what follows a receipt. */
final class Oppositions {

    private static final Pattern RECEIPT = Pattern.compile("\"position\"\\s*:\\s*(\\d+)");

    private Oppositions() {}

    /** A new patient (a random qualified INS) opposes through {@code consentUrl}; answers the receipt's position. */
    static long byANewPatient(HttpClient http, LocalKeys keys, String consentUrl) throws Exception {
        String nir = "1" + String.format("%02d", 40 + ThreadLocalRandom.current().nextInt(50)) + "0175"
                + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        String ins = nir + String.format("%02d", 97 - Long.parseLong(nir) % 97);
        String token = keys.sign("bench-patient-" + ins, List.of("patient"), Map.of("ins", ins), 600);
        HttpResponse<String> receipt = http.send(HttpRequest.newBuilder(URI.create(consentUrl
                + "/patients/me/oppositions")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher position = RECEIPT.matcher(receipt.body());
        if (receipt.statusCode() != 201 || !position.find()) {
            throw new IllegalStateException(consentUrl + " answered " + receipt.statusCode() + ": " + receipt.body());
        }
        return Long.parseLong(position.group(1));
    }
}
