package fr.contact.eds.platform.crypto;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import fr.contact.eds.platform.config.PlatformConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;

/**
 * One key per patient for their personal data in events (crypto-shredding). A patient pseudonym maps to a random
 * key id; the key itself is stored wrapped (AES-GCM) under a master key that only the services hold, beside the
 * event store as shared infrastructure. Erasing destroys the key and the mapping: the data it protected can never
 * be read again, by any service, from the store or a backup. A KMS or Vault can take this class's place.
 */
@Singleton
public class SubjectKeys {

    private static final int KEY_BYTES = 32;
    private static final int MAX_CACHED = 100_000;

    private final MongoCollection<Document> keys;
    private final SecretKey masterKey;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Optional<SecretKey>> cache = new ConcurrentHashMap<>();

    @Inject
    public SubjectKeys(MongoClient mongo, PlatformConfig config) {
        this(mongo.getDatabase(config.eventStore().database()).getCollection("subjectKeys"),
                config.crypto().masterKey().filter(k -> !k.isBlank())
                        .map(k -> Base64.getDecoder().decode(k.strip())).orElse(null));
    }

    /** A key store on this collection, for tools and benchmarks outside a service. */
    public static SubjectKeys on(MongoCollection<Document> keys, byte[] masterKey) {
        return new SubjectKeys(keys, masterKey);
    }

    /** {@code masterKey} null: no personal data can be written or read until one is configured. */
    SubjectKeys(MongoCollection<Document> keys, byte[] masterKey) {
        if (masterKey != null && masterKey.length != KEY_BYTES) {
            throw new IllegalArgumentException("contact.crypto.master-key must be 32 bytes, base64-encoded");
        }
        this.keys = keys;
        this.masterKey = masterKey == null ? null : new SecretKeySpec(masterKey, "AES");
    }

    /** The key id of this patient's personal data, made on first use. */
    public String keyIdFor(String patientPseudonym) {
        Document mapped = keys.find(Filters.eq("_id", pseudonymEntry(patientPseudonym))).first();
        if (mapped != null) {
            return mapped.getString("keyId");
        }
        String keyId = UUID.randomUUID().toString();
        byte[] secret = new byte[KEY_BYTES];
        random.nextBytes(secret);
        keys.insertOne(new Document("_id", keyEntry(keyId)).append("wrapped", wrap(secret, keyId)));
        try {
            keys.insertOne(new Document("_id", pseudonymEntry(patientPseudonym)).append("keyId", keyId));
            return keyId;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // Another writer made this patient's key first: use theirs, drop ours.
            keys.deleteOne(Filters.eq("_id", keyEntry(keyId)));
            return keys.find(Filters.eq("_id", pseudonymEntry(patientPseudonym))).first().getString("keyId");
        }
    }

    /** The key, or empty once erased. */
    public Optional<SecretKey> key(String keyId) {
        Optional<SecretKey> known = cache.get(keyId);
        if (known != null) {
            return known;
        }
        Document stored = keys.find(Filters.eq("_id", keyEntry(keyId))).first();
        Optional<SecretKey> key = Optional.ofNullable(stored)
                .map(d -> new SecretKeySpec(unwrap(d.getString("wrapped"), keyId), "AES"));
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(keyId, key);
        return key;
    }

    /** Destroys the keys of these pseudonyms (one person's); returns the key ids destroyed. */
    public List<String> erase(Collection<String> patientPseudonyms) {
        List<String> erased = new ArrayList<>();
        for (String pseudonym : patientPseudonyms) {
            Document mapped = keys.find(Filters.eq("_id", pseudonymEntry(pseudonym))).first();
            if (mapped != null) {
                String keyId = mapped.getString("keyId");
                keys.deleteOne(Filters.eq("_id", keyEntry(keyId)));
                keys.deleteOne(Filters.eq("_id", pseudonymEntry(pseudonym)));
                erased.add(keyId);
            }
        }
        forget(erased);
        return erased;
    }

    /** Drops cached copies of erased keys (another instance or service erased them). */
    public void forget(Collection<String> keyIds) {
        keyIds.forEach(keyId -> cache.put(keyId, Optional.empty()));
    }

    private static String pseudonymEntry(String pseudonym) {
        return "p:" + pseudonym;
    }

    private static String keyEntry(String keyId) {
        return "k:" + keyId;
    }

    private String wrap(byte[] secret, String keyId) {
        return Base64.getEncoder().encodeToString(FieldCipher.encrypt(masterKey(), secret, keyId, random));
    }

    private byte[] unwrap(String wrapped, String keyId) {
        try {
            return FieldCipher.decrypt(masterKey(), Base64.getDecoder().decode(wrapped), keyId);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Subject key " + keyId + " does not open with the master key", e);
        }
    }

    /** AES-256-GCM with a random 96-bit nonce, bound to a context (key id, field) as associated data. */
    static final class FieldCipher {

        private static final int NONCE_BYTES = 12;

        private FieldCipher() {}

        static byte[] encrypt(SecretKey key, byte[] plain, String context, SecureRandom random) {
            try {
                byte[] nonce = new byte[NONCE_BYTES];
                random.nextBytes(nonce);
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
                cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
                byte[] sealed = cipher.doFinal(plain);
                byte[] out = new byte[NONCE_BYTES + sealed.length];
                System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
                System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
                return out;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM unavailable", e);
            }
        }

        static byte[] decrypt(SecretKey key, byte[] sealed, String context) throws GeneralSecurityException {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        }
    }

    public boolean hasMasterKey() {
        return masterKey != null;
    }

    private SecretKey masterKey() {
        if (masterKey == null) {
            throw new IllegalStateException("No master key: set CONTACT_MASTER_KEY (contact.crypto.master-key)");
        }
        return masterKey;
    }
}
