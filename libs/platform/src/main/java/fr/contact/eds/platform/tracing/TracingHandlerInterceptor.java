package fr.contact.eds.platform.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/** Handles each event inside a consumer span whose parent is the trace stored in the event's metadata. */
public final class TracingHandlerInterceptor implements MessageHandlerInterceptor<EventMessage<?>> {

    private final OpenTelemetry openTelemetry;
    private final Tracer tracer;
    private final String processor;

    public TracingHandlerInterceptor(OpenTelemetry openTelemetry, String processor) {
        this.openTelemetry = openTelemetry;
        this.tracer = openTelemetry.getTracer("fr.contact.eds.platform");
        this.processor = processor;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        EventMessage<?> event = unitOfWork.getMessage();
        Context parent = openTelemetry.getPropagators().getTextMapPropagator()
                .extract(Context.root(), event.getMetaData(), EventMetadataTraceContext.GETTER);
        Span span = tracer.spanBuilder(processor + " handle " + event.getPayloadType().getSimpleName())
                .setParent(parent).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "axon")
                .setAttribute("messaging.message.id", event.getIdentifier())
                .setAttribute("contact.processor", processor)
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return chain.proceed();
        } catch (Exception e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }
}
