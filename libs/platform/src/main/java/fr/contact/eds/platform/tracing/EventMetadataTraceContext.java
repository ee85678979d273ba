package fr.contact.eds.platform.tracing;

import io.opentelemetry.context.propagation.TextMapGetter;
import org.axonframework.messaging.MetaData;

/** Reads W3C trace context headers back from an event's metadata. */
final class EventMetadataTraceContext implements TextMapGetter<MetaData> {

    static final EventMetadataTraceContext GETTER = new EventMetadataTraceContext();

    @Override
    public Iterable<String> keys(MetaData carrier) {
        return carrier.keySet();
    }

    @Override
    public String get(MetaData carrier, String key) {
        Object value = carrier == null ? null : carrier.get(key);
        return value == null ? null : value.toString();
    }
}
