package fr.contact.eds.episodes.episodes;

import fr.contact.eds.ingestion.api.EpisodeEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;

/**
 * The narrowest order the episodes read model needs: one episode's events in the order stored, since a later
 * bundle may correct an earlier one; one patient's consent decisions and erasures in the order decided (they are
 * events of the patient's consent aggregate), since a withdrawal must follow the opposition it withdraws. Nothing else
 * is ordered, and a poison event parks only its own episode or patient. Anything else stands alone.
 */
public final class EpisodeSequencing implements SequencingPolicy<EventMessage<?>> {

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        if (event.getPayload() instanceof EpisodeEvent e && e.episodeId() != null) {
            return "episode:" + e.episodeId();
        }
        if (event instanceof DomainEventMessage<?> decision && decision.getAggregateIdentifier() != null) {
            return decision.getType() + ":" + decision.getAggregateIdentifier();
        }
        return event.getIdentifier();
    }
}
