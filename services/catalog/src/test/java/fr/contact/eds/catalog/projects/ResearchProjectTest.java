package fr.contact.eds.catalog.projects;

import fr.contact.eds.catalog.api.ActivateProjectCommand;
import fr.contact.eds.catalog.api.CloseProjectCommand;
import fr.contact.eds.catalog.api.CseOpinionRecordedEvent;
import fr.contact.eds.catalog.api.DraftProjectCommand;
import fr.contact.eds.catalog.api.Opinion;
import fr.contact.eds.catalog.api.Permit;
import fr.contact.eds.catalog.api.ProjectActivatedEvent;
import fr.contact.eds.catalog.api.ProjectApprovedEvent;
import fr.contact.eds.catalog.api.ProjectChangesRequestedEvent;
import fr.contact.eds.catalog.api.ProjectClosedEvent;
import fr.contact.eds.catalog.api.ProjectDraftedEvent;
import fr.contact.eds.catalog.api.ProjectProposal;
import fr.contact.eds.catalog.api.ProjectRejectedEvent;
import fr.contact.eds.catalog.api.ProjectReviewStartedEvent;
import fr.contact.eds.catalog.api.ProjectRevisedEvent;
import fr.contact.eds.catalog.api.ProjectSubmittedEvent;
import fr.contact.eds.catalog.api.RecordOpinionCommand;
import fr.contact.eds.catalog.api.ReviseProjectCommand;
import fr.contact.eds.catalog.api.SubmitProjectCommand;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ResearchProjectTest {

    static final String ID = "prj-1";
    static final String OWNER = "researcher-1";

    private AggregateTestFixture<ResearchProject> fixture;

    static ProjectProposal proposal() {
        return new ProjectProposal("Bronchiolitis at night", "Inserm U1136", List.of("A. Martin", "B. Diallo"),
                "Describe night-time bronchiolitis visits", "No study covers unscheduled primary care",
                List.of("unscheduled-care-episodes"),
                List.of("person.sex", "person.yearOfBirth", "visit.modality", "condition.diagnoses"),
                "MR-004", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), LocalDate.of(2027, 6, 30),
                "Open-access article", List.of(OWNER, "researcher-2"), true,
                "Why do infants need a doctor at night? We count the visits to plan the on-call rota.",
                List.of("Inserm U1136"));
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ResearchProject.class);
    }

    private ProjectDraftedEvent drafted() {
        return new ProjectDraftedEvent(ID, OWNER, proposal(), fixture.currentTime());
    }

    private CseOpinionRecordedEvent opinion(String reviewer, boolean patientRepresentative, Opinion opinion) {
        return new CseOpinionRecordedEvent(ID, reviewer, patientRepresentative, opinion, "", fixture.currentTime());
    }

    private Object[] underReview() {
        return new Object[]{drafted(), new ProjectSubmittedEvent(ID, fixture.currentTime()),
                new ProjectReviewStartedEvent(ID, "cse-1", fixture.currentTime())};
    }

    private Permit permit() {
        ProjectProposal p = proposal();
        return new Permit("permit-" + ID, p.permitUsers(), p.datasets(), p.variables(), p.dataFrom(), p.dataTo(),
                p.projectEnd(), true);
    }

    @Nested
    class Drafting {

        @Test
        void draftsAProjectOwnedByItsResearcher() {
            fixture.givenNoPriorActivity().when(new DraftProjectCommand(ID, OWNER, proposal()))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(drafted());
        }

        @Test
        void rejectsUnknownVariablesListingTheValidOnes() {
            ProjectProposal p = proposal();
            ProjectProposal bad = new ProjectProposal(p.title(), p.organisation(), p.team(), p.purpose(),
                    p.justification(), p.datasets(), List.of("person.name"), p.legalFramework(), p.dataFrom(),
                    p.dataTo(), p.projectEnd(), p.publicationPlan(), p.permitUsers(), false, p.laySummary(),
                    p.recipients());
            fixture.givenNoPriorActivity().when(new DraftProjectCommand(ID, OWNER, bad))
                    .expectException(ProposalRules.InvalidProposalException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("valid ones: person.sex"));
        }

        @Test
        void rejectsALaySummaryWithControlCharactersOrAnEmptyRecipient() {
            ProjectProposal p = proposal();
            ProjectProposal badSummary = new ProjectProposal(p.title(), p.organisation(), p.team(), p.purpose(),
                    p.justification(), p.datasets(), p.variables(), p.legalFramework(), p.dataFrom(), p.dataTo(),
                    p.projectEnd(), p.publicationPlan(), p.permitUsers(), false, "bad\u0000summary", p.recipients());
            fixture.givenNoPriorActivity().when(new DraftProjectCommand(ID, OWNER, badSummary))
                    .expectException(ProposalRules.InvalidProposalException.class);
            ProjectProposal badRecipient = new ProjectProposal(p.title(), p.organisation(), p.team(), p.purpose(),
                    p.justification(), p.datasets(), p.variables(), p.legalFramework(), p.dataFrom(), p.dataTo(),
                    p.projectEnd(), p.publicationPlan(), p.permitUsers(), false, null, List.of(" "));
            fixture.givenNoPriorActivity().when(new DraftProjectCommand(ID, OWNER, badRecipient))
                    .expectException(ProposalRules.InvalidProposalException.class);
        }

        @Test
        void rejectsAProposalWithoutTheYearOfBirthOmopRequires() {
            ProjectProposal p = proposal();
            ProjectProposal bad = new ProjectProposal(p.title(), p.organisation(), p.team(), p.purpose(),
                    p.justification(), p.datasets(), List.of("person.sex", "visit.modality"), p.legalFramework(),
                    p.dataFrom(), p.dataTo(), p.projectEnd(), p.publicationPlan(), p.permitUsers(), false,
                    p.laySummary(), p.recipients());
            fixture.givenNoPriorActivity().when(new DraftProjectCommand(ID, OWNER, bad))
                    .expectException(ProposalRules.InvalidProposalException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("person.yearOfBirth is required"));
        }

        @Test
        void letsOnlyTheOwnerReviseOrSubmit() {
            fixture.given(drafted()).when(new SubmitProjectCommand(ID, "someone-else"))
                    .expectException(NotTheOwnerException.class);
            fixture.given(drafted()).when(new ReviseProjectCommand(ID, OWNER, proposal()))
                    .expectEvents(new ProjectRevisedEvent(ID, proposal(), fixture.currentTime()));
        }
    }

    @Nested
    class Reviewing {

        @Test
        void decidesNothingBeforeTheQuorum() {
            fixture.given(underReview()).when(new RecordOpinionCommand(ID, "cse-1", true, Opinion.APPROVE, "", 3))
                    .expectEvents(opinion("cse-1", true, Opinion.APPROVE));
        }

        @Test
        void waitsForAPatientRepresentativeEvenAtQuorum() {
            fixture.given(underReview()).andGiven(opinion("cse-1", false, Opinion.APPROVE),
                    opinion("cse-2", false, Opinion.APPROVE))
                    .when(new RecordOpinionCommand(ID, "cse-3", false, Opinion.APPROVE, "", 3))
                    .expectEvents(opinion("cse-3", false, Opinion.APPROVE));
        }

        @Test
        void approvesByMajorityAndGrantsThePermit() {
            fixture.given(underReview()).andGiven(opinion("cse-1", true, Opinion.APPROVE),
                    opinion("cse-2", false, Opinion.REQUEST_CHANGES))
                    .when(new RecordOpinionCommand(ID, "cse-3", false, Opinion.APPROVE, "", 3))
                    .expectEvents(opinion("cse-3", false, Opinion.APPROVE),
                            new ProjectApprovedEvent(ID, permit(), fixture.currentTime()));
        }

        @Test
        void rejectsByMajority() {
            fixture.given(underReview()).andGiven(opinion("cse-1", true, Opinion.REJECT),
                    opinion("cse-2", false, Opinion.APPROVE))
                    .when(new RecordOpinionCommand(ID, "cse-3", false, Opinion.REJECT, "", 3))
                    .expectEvents(opinion("cse-3", false, Opinion.REJECT),
                            new ProjectRejectedEvent(ID, fixture.currentTime()));
        }

        @Test
        void sendsBackForChangesWithoutAMajority() {
            fixture.given(underReview()).andGiven(opinion("cse-1", true, Opinion.REJECT),
                    opinion("cse-2", false, Opinion.APPROVE))
                    .when(new RecordOpinionCommand(ID, "cse-3", false, Opinion.REQUEST_CHANGES, "", 3))
                    .expectEvents(opinion("cse-3", false, Opinion.REQUEST_CHANGES),
                            new ProjectChangesRequestedEvent(ID, fixture.currentTime()));
        }

        @Test
        void refusesAnOpinionOnAProjectNotUnderReview() {
            fixture.given(drafted()).when(new RecordOpinionCommand(ID, "cse-1", true, Opinion.APPROVE, "", 3))
                    .expectException(IllegalTransitionException.class)
                    .expectException(org.hamcrest.Matchers.hasProperty("message",
                            org.hamcrest.Matchers.containsString("that is draft")));
        }

        @Test
        void refusesToLetAResearcherReviewTheirOwnProject() {
            fixture.given(underReview()).when(new RecordOpinionCommand(ID, OWNER, true, Opinion.APPROVE, "", 1))
                    .expectException(IllegalArgumentException.class);
        }
    }

    @Nested
    class Running {

        @Test
        void activatesAnApprovedProjectThenClosesItWithResults() {
            fixture.given(underReview()).andGiven(new ProjectApprovedEvent(ID, permit(), fixture.currentTime()))
                    .when(new ActivateProjectCommand(ID, OWNER))
                    .expectEvents(new ProjectActivatedEvent(ID, fixture.currentTime()));
            fixture.given(underReview()).andGiven(new ProjectApprovedEvent(ID, permit(), fixture.currentTime()),
                    new ProjectActivatedEvent(ID, fixture.currentTime()))
                    .when(new CloseProjectCommand(ID, OWNER, "12,400 visits; rates doubled on weekends"))
                    .expectEvents(new ProjectClosedEvent(ID, "12,400 visits; rates doubled on weekends",
                            fixture.currentTime()));
        }

        @Test
        void refusesToActivateAProjectTheCseRejected() {
            fixture.given(underReview()).andGiven(new ProjectRejectedEvent(ID, fixture.currentTime()))
                    .when(new ActivateProjectCommand(ID, OWNER)).expectException(IllegalTransitionException.class);
        }

        @Test
        void letsAProjectSentBackBeRevisedAndSubmittedAgain() {
            fixture.given(underReview()).andGiven(new ProjectChangesRequestedEvent(ID, fixture.currentTime()))
                    .when(new SubmitProjectCommand(ID, OWNER))
                    .expectEvents(new ProjectSubmittedEvent(ID, fixture.currentTime()));
        }
    }

}
