package fr.contact.eds.platform.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/** Stamps the current trace context into each published event, so its handlers continue the trace. */
public final class TraceContextDispatchInterceptor implements MessageDispatchInterceptor<EventMessage<?>> {

    private final OpenTelemetry openTelemetry;

    public TraceContextDispatchInterceptor(OpenTelemetry openTelemetry) {
        this.openTelemetry = openTelemetry;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        Map<String, String> headers = new HashMap<>();
        openTelemetry.getPropagators().getTextMapPropagator().inject(Context.current(), headers, Map::put);
        return (index, message) -> headers.isEmpty() || message.getMetaData().containsKey("traceparent")
                ? message
                : message.andMetaData(headers);
    }
}
