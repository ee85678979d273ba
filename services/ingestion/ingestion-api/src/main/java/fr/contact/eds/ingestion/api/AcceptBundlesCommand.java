package fr.contact.eds.ingestion.api;

import java.util.List;

/**
 * Take in several bundles in one commit (history import). All or none: if one was already taken in, the
 * command fails and the caller takes them in one by one. Bundle keys must be distinct.
 */
public record AcceptBundlesCommand(List<AcceptBundleCommand> bundles) {

    public AcceptBundlesCommand {
        bundles = List.copyOf(bundles);
        if (bundles.stream().map(AcceptBundleCommand::bundleKey).distinct().count() != bundles.size()) {
            throw new IllegalArgumentException("The same bundle twice in one batch");
        }
    }
}
