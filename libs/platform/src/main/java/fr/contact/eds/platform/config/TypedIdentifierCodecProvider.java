package fr.contact.eds.platform.config;

import fr.contact.eds.platform.api.TypedIdentifier;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.bson.BsonReader;
import org.bson.BsonWriter;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecConfigurationException;
import org.bson.codecs.configuration.CodecProvider;
import org.bson.codecs.configuration.CodecRegistry;

/**
 * Stores a {@link TypedIdentifier} handed to a document or a filter as its text, as every read model holds it.
 * Without it the driver's record codec would write a sub-document that no filter on the text ever matches, so, for
 * instance, a patient's opposition would silently miss their data. Quarkus registers every codec provider it finds.
 */
public class TypedIdentifierCodecProvider implements CodecProvider {

    @Override
    public <T> Codec<T> get(Class<T> type, CodecRegistry registry) {
        return TypedIdentifier.class.isAssignableFrom(type) ? new TextCodec<>(type) : null;
    }

    private static final class TextCodec<T> implements Codec<T> {

        private final Class<T> type;
        private final Method ofNullable;

        TextCodec(Class<T> type) {
            this.type = type;
            try {
                this.ofNullable = type.getMethod("ofNullable", String.class);
            } catch (NoSuchMethodException e) {
                throw new CodecConfigurationException(type.getName() + " has no static ofNullable(String)", e);
            }
        }

        @Override
        public void encode(BsonWriter writer, T value, EncoderContext context) {
            writer.writeString(((TypedIdentifier) value).value());
        }

        @Override
        public T decode(BsonReader reader, DecoderContext context) {
            try {
                return type.cast(ofNullable.invoke(null, reader.readString()));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new CodecConfigurationException("Cannot read a " + type.getSimpleName(), e);
            }
        }

        @Override
        public Class<T> getEncoderClass() {
            return type;
        }
    }
}
