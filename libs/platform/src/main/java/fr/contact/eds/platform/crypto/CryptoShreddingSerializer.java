package fr.contact.eds.platform.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.contact.eds.platform.api.DataSubject;
import fr.contact.eds.platform.api.PersonalData;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon's JSON serialization with crypto-shredding: in a class with {@link PersonalData} components, each of them
 * is stored as {@code "enc:1:<keyId>:<base64>"}, encrypted under the key its {@link DataSubject} names. Reading
 * decrypts with that key while it exists and reads {@code null} once it was erased, so the store still replays
 * without errors. Every other class passes through untouched.
 */
public class CryptoShreddingSerializer implements Serializer {

    private static final String PREFIX = "enc:1:";

    private final JacksonSerializer delegate;
    private final ObjectMapper mapper;
    private final SubjectKeys keys;
    private final SecureRandom random = new SecureRandom();
    private final Map<Class<?>, Optional<Shape>> shapes = new ConcurrentHashMap<>();

    /** Which components of a class are personal, and which names their key. */
    private record Shape(String subject, List<String> personal) {}

    public CryptoShreddingSerializer(JacksonSerializer delegate, SubjectKeys keys) {
        this.delegate = delegate;
        this.mapper = delegate.getObjectMapper();
        this.keys = keys;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        Optional<Shape> shape = object == null ? Optional.empty() : shapeOf(object.getClass());
        if (shape.isEmpty()) {
            return delegate.serialize(object, expectedRepresentation);
        }
        ObjectNode tree = mapper.valueToTree(object);
        JsonNode subject = tree.get(shape.get().subject());
        if (subject == null || !subject.isTextual()) {
            throw new IllegalArgumentException(object.getClass().getSimpleName() + " has personal data but no "
                    + shape.get().subject() + " to encrypt it under");
        }
        String keyId = subject.asText();
        SecretKey key = keys.key(keyId).orElseThrow(
                () -> new IllegalStateException("The key " + keyId + " was erased: no new personal data under it"));
        for (String field : shape.get().personal()) {
            JsonNode value = tree.get(field);
            if (value != null && !value.isNull()) {
                byte[] sealed = SubjectKeys.FieldCipher.encrypt(key, value.toString().getBytes(StandardCharsets.UTF_8),
                        keyId + "/" + field, random);
                tree.put(field, PREFIX + keyId + ":" + Base64.getEncoder().encodeToString(sealed));
            }
        }
        T data = delegate.getConverter().convert(tree, JsonNode.class, expectedRepresentation);
        return new SimpleSerializedObject<>(data, expectedRepresentation, delegate.typeForClass(object.getClass()));
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        Class<?> type = classForType(serializedObject.getType());
        Optional<Shape> shape = type == null ? Optional.empty() : shapeOf(type);
        if (shape.isEmpty()) {
            return delegate.deserialize(serializedObject);
        }
        JsonNode tree = delegate.getConverter().convert(serializedObject.getData(), serializedObject.getContentType(),
                JsonNode.class);
        if (tree instanceof ObjectNode object) {
            for (String field : shape.get().personal()) {
                JsonNode value = object.get(field);
                if (value != null && value.isTextual() && value.asText().startsWith(PREFIX)) {
                    object.set(field, open(value.asText(), field));
                }
            }
        }
        return delegate.deserialize(new SimpleSerializedObject<>(tree, JsonNode.class, serializedObject.getType()));
    }

    /** The plain value, or null when its key was erased. */
    private JsonNode open(String sealedText, String field) {
        String rest = sealedText.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        String keyId = rest.substring(0, colon);
        Optional<SecretKey> key = keys.key(keyId);
        if (key.isEmpty()) {
            return NullNode.instance;
        }
        try {
            byte[] plain = SubjectKeys.FieldCipher.decrypt(key.get(), Base64.getDecoder().decode(rest.substring(colon
                    + 1)), keyId + "/" + field);
            return mapper.readTree(new String(plain, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Personal data field " + field + " does not open under key " + keyId, e);
        }
    }

    private Optional<Shape> shapeOf(Class<?> type) {
        return shapes.computeIfAbsent(type, CryptoShreddingSerializer::findShape);
    }

    private static Optional<Shape> findShape(Class<?> type) {
        if (!type.isRecord()) {
            return Optional.empty();
        }
        String subject = null;
        List<String> personal = new ArrayList<>();
        for (var component : type.getRecordComponents()) {
            if (component.isAnnotationPresent(DataSubject.class)) {
                subject = component.getName();
            }
            if (component.isAnnotationPresent(PersonalData.class)) {
                personal.add(component.getName());
            }
        }
        if (personal.isEmpty()) {
            return Optional.empty();
        }
        if (subject == null) {
            throw new IllegalStateException(type.getName() + " has @PersonalData but no @DataSubject component");
        }
        return Optional.of(new Shape(subject, List.copyOf(personal)));
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
