package fr.contact.eds.ingestion.intake;

import fr.contact.eds.ingestion.api.AcceptBundleCommand;
import fr.contact.eds.ingestion.api.AcceptBundlesCommand;
import fr.contact.eds.ingestion.api.BundleAcceptedEvent;
import fr.contact.eds.platform.axon.Failures;
import fr.contact.eds.platform.security.Actor;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;

/**
 * The one path a bundle takes in, for live posts and history imports alike: prepare (parse, map and pseudonymise,
 * {@link BundlePreparation}), pass the consent gate ({@link IntakeGate}), then append everything in one commit; the
 * same bundle again gets its first acceptance back.
 */
@Singleton
public class IntakeService {

    private final BundlePreparation preparation;
    private final IntakeGate gate;
    private final CommandGateway commands;
    private final EventStore eventStore;

    public IntakeService(BundlePreparation preparation, IntakeGate gate, CommandGateway commands,
            EventStore eventStore) {
        this.preparation = preparation;
        this.gate = gate;
        this.commands = commands;
        this.eventStore = eventStore;
    }

    /** {@code actor} must be an association speaking as itself; callers check the role. */
    public IntakeResult take(Actor actor, byte[] body) {
        IntakeResult prepared = prepare(actor, body);
        if (!(prepared instanceof IntakeResult.Prepared p)) {
            return prepared;
        }
        return gate.gate(List.of(p)).map(commands -> accept(commands.get(0))).orElseGet(IntakeGate::gateClosed);
    }

    /** Parses, maps and pseudonymises, without storing anything. */
    public IntakeResult prepare(Actor actor, byte[] body) {
        return preparation.prepare(actor, body);
    }

    /** The commands that store {@code bundles}, opposed patients left out; empty while the gate is closed. */
    public Optional<List<AcceptBundleCommand>> gate(List<IntakeResult.Prepared> bundles) {
        return gate.gate(bundles);
    }

    /**
     * Takes several gated bundles in at once: one commit when none of them was taken in before, one by one
     * otherwise (so a repeated bundle answers as the first time). Results come back in the given order.
     */
    public List<IntakeResult> acceptAll(List<AcceptBundleCommand> bundles) {
        Map<String, AcceptBundleCommand> distinct = new LinkedHashMap<>();
        bundles.forEach(bundle -> distinct.putIfAbsent(bundle.bundleKey(), bundle));
        if (distinct.size() > 1) {
            try {
                commands.sendAndWait(new AcceptBundlesCommand(List.copyOf(distinct.values())));
                Set<String> seen = new HashSet<>();
                return bundles.stream()
                        .<IntakeResult>map(b -> new IntakeResult.Accepted(b.accepted(), !seen.add(b.bundleKey())))
                        .toList();
            } catch (RuntimeException e) {
                if (!alreadyTakenIn(e)) {
                    throw e;
                }
            }
        }
        return bundles.stream().map(this::accept).toList();
    }

    private IntakeResult accept(AcceptBundleCommand command) {
        try {
            commands.sendAndWait(command);
            return new IntakeResult.Accepted(command.accepted(), false);
        } catch (RuntimeException e) {
            if (!alreadyTakenIn(e)) {
                throw e;
            }
            return new IntakeResult.Accepted(firstIntakeOf(command.bundleKey()), true);
        }
    }

    private static boolean alreadyTakenIn(Throwable e) {
        return Failures.causedBy(e, AggregateStreamCreationException.class);
    }

    private BundleAcceptedEvent firstIntakeOf(String bundleKey) {
        return (BundleAcceptedEvent) eventStore.readEvents(bundleKey).next().getPayload();
    }
}
