package fr.contact.eds.auditverifier;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;

/** Where the verifier gets what the log claims; nothing from it is trusted without a check. */
public interface TrailSource {

    JsonNode latestHead() throws IOException;

    /** {@code entry}: a leaf index or an access id. */
    JsonNode inclusion(String entry, long treeSize) throws IOException;

    JsonNode consistency(long from, long to) throws IOException;

    /** The log as NDJSON: a header line, then one line per leaf of the tree of {@code treeSize}. */
    Reader log(long treeSize) throws IOException;
}
