package fr.contact.eds.catalog.projects;

import fr.contact.eds.catalog.api.ProjectProposal;
import fr.contact.eds.catalog.api.Variables;
import fr.contact.eds.platform.text.BoundedText;
import java.util.ArrayList;
import java.util.List;

/** What a proposal must state before anyone reviews it; each problem names its field. */
public final class ProposalRules {

    private ProposalRules() {}

    /** Thrown with the field at fault, e.g. {@code variables}. */
    public static class InvalidProposalException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;
        private final String field;

        InvalidProposalException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    static void validate(ProjectProposal proposal) {
        if (proposal == null) {
            throw new InvalidProposalException("proposal", "A project needs a proposal");
        }
        text("title", proposal.title());
        text("organisation", proposal.organisation());
        text("purpose", proposal.purpose());
        text("justification", proposal.justification());
        text("legalFramework", proposal.legalFramework());
        text("publicationPlan", proposal.publicationPlan());
        if (proposal.laySummary() != null) {
            text("laySummary", proposal.laySummary());
        }
        proposal.recipients().forEach(recipient -> {
            // Published on the register: an empty name would tell the public nothing.
            if (recipient == null || recipient.isBlank()) {
                throw new InvalidProposalException("recipients", "Name each organisation that receives the data");
            }
            line("recipients", recipient);
        });
        proposal.team().forEach(member -> line("team", member));
        proposal.datasets().forEach(dataset -> line("datasets", dataset));
        if (proposal.team().isEmpty()) {
            throw new InvalidProposalException("team", "Name the team's members");
        }
        if (proposal.datasets().isEmpty()) {
            throw new InvalidProposalException("datasets", "Request at least one dataset");
        }
        List<String> unknown = new ArrayList<>(proposal.variables());
        unknown.removeAll(Variables.ALL);
        if (proposal.variables().isEmpty() || !unknown.isEmpty()) {
            throw new InvalidProposalException("variables", (unknown.isEmpty() ? "Request at least one variable"
                    : "Unknown variables " + unknown) + "; valid ones: " + String.join(", ", Variables.ALL));
        }
        if (!proposal.variables().contains(Variables.YEAR_OF_BIRTH)) {
            // Extracts are OMOP CDM 5.4: PERSON.year_of_birth is NOT NULL, and a 0 there fails the OHDSI Data
            // Quality Dashboard, so no conforming extract exists without it.
            throw new InvalidProposalException("variables", Variables.YEAR_OF_BIRTH
                    + " is required: OMOP CDM 5.4 extracts need every person's year of birth");
        }
        if (proposal.dataFrom() == null || proposal.dataTo() == null
                || proposal.dataTo().isBefore(proposal.dataFrom())) {
            throw new InvalidProposalException("dataTo", "The data period needs dataFrom and dataTo, in that order");
        }
        if (proposal.projectEnd() == null) {
            throw new InvalidProposalException("projectEnd", "When does the project end?");
        }
    }

    private static void text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidProposalException(field, field + " is required");
        }
        boolean oneLine = "title".equals(field) || "organisation".equals(field);
        BoundedText.problem(field, value, oneLine ? BoundedText.ONE_LINE : BoundedText.FREE_TEXT, !oneLine)
                .ifPresent(problem -> {
                    throw new InvalidProposalException(field, problem);
                });
    }

    private static void line(String field, String value) {
        BoundedText.problem(field, value, BoundedText.ONE_LINE, false).ifPresent(problem -> {
            throw new InvalidProposalException(field, problem);
        });
    }
}
