package fr.contact.eds.pseudonymisation;

import fr.contact.eds.platform.api.PatientPseudonym;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms: HMAC-SHA-256 of the identity's canonical text under a secret key with a version.
 * Without the key nobody can recompute or reverse a pseudonym; with a new key version, the same patient
 * gets a new pseudonym, and {@link #underEveryKey} gives the pseudonyms under all configured versions so
 * that intake can link old and new (see README.md, key rotation).
 */
public final class Pseudonymiser {

    private static final int MIN_KEY_BYTES = 32;

    private final NavigableMap<Integer, byte[]> keys;
    private final int currentVersion;

    /** {@code keys}: version to secret (at least 32 bytes); {@code currentVersion} must be one of them. */
    public Pseudonymiser(Map<Integer, byte[]> keys, int currentVersion) {
        if (!keys.containsKey(currentVersion)) {
            throw new IllegalArgumentException("No pseudonymisation key with version " + currentVersion);
        }
        keys.forEach((version, key) -> {
            if (key.length < MIN_KEY_BYTES) {
                throw new IllegalArgumentException("Pseudonymisation key " + version + " is shorter than 32 bytes");
            }
        });
        this.keys = Collections.unmodifiableNavigableMap(new TreeMap<>(keys));
        this.currentVersion = currentVersion;
    }

    /**
     * From configuration: {@code versionedKeys} is "version:base64secret" entries separated by commas, as the
     * services read it from their secret (CONTACT_PSEUDONYMISATION_KEYS).
     */
    public static Pseudonymiser fromSecret(String versionedKeys, int currentVersion) {
        Map<Integer, byte[]> keys = new HashMap<>();
        for (String entry : versionedKeys.split(",")) {
            String[] parts = entry.strip().split(":", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("Pseudonymisation keys: expected version:base64secret entries");
            }
            keys.put(Integer.parseInt(parts[0].strip()), Base64.getDecoder().decode(parts[1].strip()));
        }
        return new Pseudonymiser(keys, currentVersion);
    }

    /** As {@link #fromSecret}, for a secret that may not have been given: then a clear failure naming it. */
    public static Pseudonymiser fromSecret(java.util.Optional<String> versionedKeys, int currentVersion) {
        return fromSecret(versionedKeys.filter(k -> !k.isBlank()).orElseThrow(() -> new IllegalStateException(
                "No pseudonymisation keys: set CONTACT_PSEUDONYMISATION_KEYS (contact.pseudonymisation.keys)")),
                currentVersion);
    }

    public int currentVersion() {
        return currentVersion;
    }

    public PatientPseudonym pseudonymOf(PatientIdentity identity) {
        return under(currentVersion, identity);
    }

    /**
     * A keyed identifier for something that is not a patient (an episode, a practitioner), so that source
     * identifiers never enter the store: {@code kind} separates the spaces, e.g. "episode", "practitioner".
     */
    public String keyedIdentifier(String kind, String value) {
        return under(currentVersion, kind.toUpperCase(java.util.Locale.ROOT) + "|" + value).value();
    }

    /** The patient's pseudonym under every configured key version, oldest first. */
    public List<PatientPseudonym> underEveryKey(PatientIdentity identity) {
        return keys.keySet().stream().map(version -> under(version, identity)).toList();
    }

    /**
     * Every pseudonym this person's data may be stored under: the identity under every configured key version,
     * and, when it has a qualified INS and complete traits too, the traits-based ones (data sent before the INS
     * was qualified). Opposition decisions carry them all, so whichever one intake computes matches.
     */
    public List<PatientPseudonym> everyPseudonymOf(PatientIdentity identity) {
        Stream<PatientIdentity> forms = Stream.concat(Stream.of(identity), identity.traitsOnly().stream());
        return forms.flatMap(form -> underEveryKey(form).stream()).distinct().toList();
    }

    private PatientPseudonym under(int version, PatientIdentity identity) {
        return under(version, identity.canonical());
    }

    private PatientPseudonym under(int version, String canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.get(version), "HmacSHA256"));
            byte[] digest = mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8));
            return new PatientPseudonym(
                    "v" + version + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
