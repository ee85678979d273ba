package fr.contact.eds.platform.probe;

import java.time.Instant;

/** This service's receipt of a probe: when it arrived, how long it took, in which trace. */
public record DeliveryProbeReceipt(String probeId, String service, String sentBy, Instant sentAt, Instant receivedAt,
        long delayMillis, String traceId) {}
