package fr.contact.eds.ingestion.intake;

import fr.contact.eds.ingestion.api.AcceptBundleCommand;
import fr.contact.eds.ingestion.api.AcceptBundlesCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

/**
 * Creates one {@link BundleIntake} per bundle inside a single unit of work, so their events reach the store
 * as one commit: far fewer writes for history imports, and still one aggregate (one guard) per bundle.
 */
public class BundleBatchHandler {

    private final Repository<BundleIntake> repository;

    public BundleBatchHandler(Repository<BundleIntake> repository) {
        this.repository = repository;
    }

    @CommandHandler
    public void handle(AcceptBundlesCommand command) throws Exception {
        for (AcceptBundleCommand bundle : command.bundles()) {
            repository.newInstance(() -> new BundleIntake(bundle));
        }
    }
}
