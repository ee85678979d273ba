package fr.contact.eds.audit.proofs.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.contact.eds.audit.proofs.TreeHeads;
import fr.contact.eds.audit.trail.AuditEntry;
import fr.contact.eds.audit.trail.AuditLog;
import fr.contact.eds.auditproof.Ed25519Keys;
import fr.contact.eds.auditproof.Hex;
import fr.contact.eds.auditproof.SignedTreeHead;
import fr.contact.eds.platform.access.Access;
import fr.contact.eds.platform.access.AccessRecorder;
import fr.contact.eds.platform.api.AccessAction;
import fr.contact.eds.platform.api.AccessOutcome;
import fr.contact.eds.platform.rest.ProblemException;
import fr.contact.eds.platform.security.CurrentActor;
import fr.contact.eds.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.List;

/**
 * Signed tree heads and the proofs a DPO or the independent verifier checks them with: inclusion of an entry,
 * consistency of two heads, and the whole log as NDJSON.
 */
@Path("/audit")
@RolesAllowed(Roles.DPO)
@Produces(MediaType.APPLICATION_JSON)
public class ProofResource {

    static final String NDJSON = "application/x-ndjson";

    private final AuditLog log;
    private final TreeHeads heads;
    private final AccessRecorder accessRecorder;
    private final CurrentActor currentActor;
    private final ObjectMapper json;

    public ProofResource(AuditLog log, TreeHeads heads, AccessRecorder accessRecorder, CurrentActor currentActor,
            ObjectMapper json) {
        this.log = log;
        this.heads = heads;
        this.accessRecorder = accessRecorder;
        this.currentActor = currentActor;
        this.json = json;
    }

    @GET
    @Path("tree-heads/latest")
    public SignedTreeHead latestHead() {
        return heads.latest().orElseGet(this::signNow);
    }

    @GET
    @Path("tree-heads")
    public List<SignedTreeHead> recentHeads(@QueryParam("limit") Integer limit) {
        int size = limit == null ? 20 : limit;
        if (size < 1 || size > 1000) {
            throw ProblemException.badRequest("limit", "limit must be between 1 and 1000");
        }
        return heads.recent(size);
    }

    /** A head of the trail as it is now, signed on demand. */
    @POST
    @Path("tree-heads")
    public SignedTreeHead signNow() {
        if (!heads.canSign()) {
            throw ProblemException.unavailable("No audit signing key is configured (CONTACT_AUDIT_SIGNING_KEY)", 60);
        }
        return heads.signNow();
    }

    /** For setting a verifier up; a DPO should also hold the key from the deployment, not only from here. */
    @GET
    @Path("public-key")
    public ProofViews.PublicKeyView publicKey() {
        PublicKey key = heads.publicKey().orElseThrow(() -> ProblemException
                .unavailable("No audit signing key is configured (CONTACT_AUDIT_SIGNING_KEY)", 60));
        String base64 = Ed25519Keys.encode(key);
        return new ProofViews.PublicKeyView("Ed25519", base64,
                "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n");
    }

    /** {@code entry}: a leaf index or an access id. {@code treeSize}: by default, the latest signed head's. */
    @GET
    @Path("proofs/inclusion")
    public ProofViews.Inclusion inclusion(@QueryParam("entry") String entry, @QueryParam("treeSize") Long treeSize) {
        if (entry == null || entry.isBlank()) {
            throw ProblemException.badRequest("entry", "entry (a leaf index or an access id) is required");
        }
        long size = treeSize != null ? treeSize : latestHead().treeSize();
        requireSize("treeSize", size);
        long leafIndex = leafIndexOf(entry);
        if (leafIndex >= size) {
            throw ProblemException.badRequest("entry", "Entry " + entry + " (index " + leafIndex
                    + ") is not in the tree of size " + size);
        }
        AuditEntry content = log.entry(leafIndex).orElse(null);
        List<String> path = log.inclusion(leafIndex, size).stream().map(Hex::of).toList();
        ProofViews.Inclusion proof = new ProofViews.Inclusion(leafIndex, size, Hex.of(log.leafHash(leafIndex)), path,
                content);
        return accessRecorder.reveal(currentActor.get(),
                new Access(Roles.DPO, "audit verification", AccessAction.READ, "AuditEntry"), () -> proof,
                p -> p.entry() == null ? List.of() : p.entry().patientPseudonyms());
    }

    @GET
    @Path("proofs/consistency")
    public ProofViews.Consistency consistency(@QueryParam("from") Long from, @QueryParam("to") Long to) {
        if (from == null || from < 0) {
            throw ProblemException.badRequest("from", "from (the older tree size) is required, 0 or more");
        }
        long second = to != null ? to : latestHead().treeSize();
        requireSize("to", second);
        if (from > second) {
            throw ProblemException.badRequest("from", "from (" + from + ") must not exceed to (" + second + ")");
        }
        return new ProofViews.Consistency(from, second,
                log.consistency(from, second).stream().map(Hex::of).toList());
    }

    /**
     * The log for the verifier: a header line {@code {"treeSize", "purgedBefore"}}, then per leaf {@code leafIndex},
     * the {@code leafHash} recorded at append time and the {@code entry} as stored now (absent once purged).
     */
    @GET
    @Path("log")
    @Produces(NDJSON)
    public StreamingOutput fullLog(@QueryParam("treeSize") Long treeSize) {
        long size = treeSize != null ? treeSize : latestHead().treeSize();
        requireSize("treeSize", size);
        accessRecorder.record(currentActor.get(),
                new Access(Roles.DPO, "audit verification", AccessAction.EXPORT, "AuditLog"), List.of(),
                AccessOutcome.SUCCESS);
        long purgedBefore = log.purgedBefore();
        return output -> {
            BufferedWriter out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 1 << 16);
            out.write("{\"treeSize\":" + size + ",\"purgedBefore\":" + purgedBefore + "}\n");
            log.forEachLeaf(size, (leafIndex, leafHash, entry) -> {
                out.write("{\"leafIndex\":" + leafIndex + ",\"leafHash\":\"" + Hex.of(leafHash) + "\"");
                if (entry != null) {
                    out.write(",\"entry\":" + json.writeValueAsString(entry));
                }
                out.write("}\n");
            });
            out.flush();
        };
    }

    private long leafIndexOf(String entry) {
        if (entry.chars().allMatch(Character::isDigit)) {
            try {
                return Long.parseLong(entry);
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("entry", "Not a leaf index: " + entry);
            }
        }
        return log.entryByAccessId(entry).map(AuditEntry::leafIndex)
                .orElseThrow(() -> ProblemException.notFound("No entry for access " + entry));
    }

    private void requireSize(String field, long size) {
        long current = log.size();
        if (size < 0 || size > current) {
            throw ProblemException.badRequest(field, "The trail has " + current + " entries; " + field + " " + size
                    + " is out of range");
        }
    }
}
