package fr.contact.eds.pseudonymisation;

/** A patient pseudonym and the key version that produced it; {@code value} reads "v{version}.{hmac}". */
public record Pseudonym(String value, int keyVersion) {

    @Override
    public String toString() {
        return value;
    }
}
