package fr.contact.eds.ingestion.intake;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import fr.contact.eds.ingestion.api.AcceptBundleCommand;
import fr.contact.eds.ingestion.api.BundleAcceptedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * One bundle's intake. Its identity is the bundle key, so the event store's per-aggregate guard makes a
 * second intake of the same bundle collide at commit, even from another pod at the same moment.
 */
public class BundleIntake {

    @AggregateIdentifier
    private String bundleKey;

    protected BundleIntake() {}

    @CommandHandler
    public BundleIntake(AcceptBundleCommand command) {
        if (command.access() == null) {
            throw new IllegalArgumentException("An intake must record the association's access");
        }
        // A bundle of care outside CONTACT's scope (hospital stays, wellness visits) is still answered, and its
        // answer kept for a repeat; one with nothing at all, no episode nor entry left out, is a caller's bug.
        if (command.episodeEvents().isEmpty() && command.accepted().droppedByOpposition() == 0
                && command.accepted().resourcesIgnored() == 0) {
            throw new IllegalArgumentException("A bundle with no episode has nothing to take in");
        }
        apply(command.accepted());
        command.episodeEvents().forEach(event -> apply(event));
        apply(command.access());
    }

    @EventSourcingHandler
    void on(BundleAcceptedEvent event) {
        this.bundleKey = event.bundleKey();
    }
}
