package fr.contact.eds.pseudonymisation;

import fr.contact.eds.platform.api.PatientPseudonym;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A research project's own view of patients (its extracts in the catalog, its episode reads in the episodes
 * service): a key per project, derived from the platform's master key, gives each patient a
 * pseudonym and a date shift that mean nothing in another project's extract, so two projects cannot join theirs.
 */
public final class ProjectPseudonyms {

    private static final int MAX_SHIFT_DAYS = 30;
    private final byte[] projectKey;

    public ProjectPseudonyms(byte[] masterKey, String projectId) {
        this.projectKey = hmac(masterKey, "contact-eds/project-pseudonyms/v1/" + projectId);
    }

    /** 22 characters of base64url: fits OMOP's person_source_value. */
    public ProjectPseudonym of(PatientPseudonym patient) {
        return new ProjectPseudonym(identifierOf("person", patient.value()));
    }

    /** Another of the warehouse's identifiers (an episode, say) as this project knows it, 22 characters too. */
    public String identifierOf(String kind, String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(projectKey, kind + "|" + value))
                .substring(0, 22);
    }

    /** Days to add to every date of this patient, between -30 and +30, never 0. */
    public int dateShiftDays(PatientPseudonym patient) {
        int value = Math.floorMod(ByteBuffer.wrap(hmac(projectKey, "shift|" + patient.value())).getInt(),
                2 * MAX_SHIFT_DAYS);
        return value < MAX_SHIFT_DAYS ? value - MAX_SHIFT_DAYS : value - MAX_SHIFT_DAYS + 1;
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is in every Java runtime", e);
        }
    }
}
