package fr.contact.eds.platform.api;

import java.time.Instant;

/** A synthetic event an operator sends through the store to see every service receive it, and when. */
public record DeliveryProbeSentEvent(String probeId, String sentBy, Instant sentAt) {}
