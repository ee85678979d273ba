package fr.contact.eds.consent.decisions.rest;

import fr.contact.eds.consent.decisions.Receipt;
import jakarta.ws.rs.core.Response;
import java.time.Instant;

/**
 * A decision's receipt: its reference, when it took effect, what it covers, whether the request repeated one in
 * force, and {@code position}, to pass as {@code after} to any CONTACT service whose answer must reflect it.
 */
public record ReceiptView(String reference, String decisionId, String status, Instant effectiveAt, String covers,
        boolean repeated, long position) {

    /** 201 for a new decision, 200 when the request repeated the one in force. */
    Response created() {
        return Response.status(repeated ? 200 : 201).entity(this).build();
    }

    static ReceiptView ofErasure(Receipt receipt, boolean forAChild) {
        var decision = receipt.decision();
        String whose = forAChild ? "The child's" : "Your";
        String covers = whose + " personal data in CONTACT (identity, age, sex) can no longer be read by anyone: its "
                + "keys were destroyed. Care data without it may remain for statistics. No new data is kept: an "
                + "opposition is in force";
        return new ReceiptView(decision.reference(), decision.decisionId(), "erased", decision.effectiveAt(), covers,
                decision.repeated(), receipt.position());
    }

    /** 202: asked, not done; 200 when a request was already waiting. */
    Response accepted() {
        return Response.status(repeated ? 200 : 202).entity(this).build();
    }

    static ReceiptView ofErasureRequest(Receipt receipt) {
        var decision = receipt.decision();
        String covers = "Nothing is erased yet. Erasing your child's data cannot be undone, so the DPO office erases it "
                + "once it holds proof of your parental authority: write to it (see the rights page) quoting "
                + decision.reference() + ", with a copy of the family record book or of the court decision. Until "
                + "then the child's data is not reused: an opposition is in force";
        return new ReceiptView(decision.reference(), decision.decisionId(), "erasure-requested",
                decision.effectiveAt(), covers, decision.repeated(), receipt.position());
    }

    static ReceiptView ofProject(Receipt receipt, boolean forAChild, String projectId, String title) {
        var decision = receipt.decision();
        String whose = forAChild ? "the child's data" : "your data";
        String project = "project " + projectId + " (" + title + ")";
        String covers = decision.opposed()
                ? "No use of " + whose + " by research " + project + ": its next extracts leave it out; other uses "
                        + "are unaffected"
                : decision.decisionId() == null ? "Nothing: no opposition to " + project + " was registered"
                        : "Opposition to " + project + " withdrawn";
        return new ReceiptView(decision.reference(), decision.decisionId(), decision.opposed()
                ? "opposed-to-project"
                : "not-opposed-to-project", decision.effectiveAt(), covers,
                decision.repeated(), receipt.position());
    }

    static ReceiptView of(Receipt receipt, boolean forAChild) {
        var decision = receipt.decision();
        String whose = forAChild ? "the child's data" : "your data";
        String covers = decision.opposed()
                ? "No reuse of " + whose
                        + " for research or any other secondary purpose; data arriving from now on is not kept"
                : decision.decisionId() == null ? "Nothing: no opposition was registered"
                        : "Opposition withdrawn: " + whose + " may be reused again from now on";
        return new ReceiptView(decision.reference(), decision.decisionId(), decision.opposed() ? "opposed"
                : "not-opposed", decision.effectiveAt(), covers, decision.repeated(), receipt.position());
    }
}
