package fr.contact.eds.consent.decisions;

import fr.contact.eds.consent.api.Channel;
import fr.contact.eds.consent.api.DecisionOrigin;
import fr.contact.eds.consent.api.EraseDataCommand;
import fr.contact.eds.consent.api.ErasureRequestConfirmedEvent;
import fr.contact.eds.consent.api.ErasureRequestRefusedEvent;
import fr.contact.eds.consent.api.ErasureRequestedEvent;
import fr.contact.eds.consent.api.OppositionRegisteredEvent;
import fr.contact.eds.consent.api.OppositionWithdrawnEvent;
import fr.contact.eds.consent.api.PatientDataErasedEvent;
import fr.contact.eds.consent.api.ProjectOppositionRegisteredEvent;
import fr.contact.eds.consent.api.ProjectOppositionWithdrawnEvent;
import fr.contact.eds.consent.api.RefuseErasureRequestCommand;
import fr.contact.eds.consent.api.RegisterOppositionCommand;
import fr.contact.eds.consent.api.RegisterProjectOppositionCommand;
import fr.contact.eds.consent.api.RequestErasureCommand;
import fr.contact.eds.consent.api.WithdrawOppositionCommand;
import fr.contact.eds.consent.api.WithdrawProjectOppositionCommand;
import fr.contact.eds.consent.erasure.NoPendingErasureException;
import fr.contact.eds.platform.api.AccessAction;
import fr.contact.eds.platform.api.AccessOutcome;
import fr.contact.eds.platform.api.AccessRecordedEvent;
import fr.contact.eds.platform.api.PatientPseudonym;
import fr.contact.eds.platform.api.PersonalDataErasedEvent;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PatientConsentTest {

    private static final PatientPseudonym PATIENT = new PatientPseudonym("v1.patient");
    private static final PatientPseudonym TRAITS = new PatientPseudonym("v1.traits");
    private static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-11-24T09:00:00Z");
    private static final DecisionOrigin ONLINE = new DecisionOrigin("patient", Channel.ONLINE, null, null);
    private static final AccessRecordedEvent ACCESS = new AccessRecordedEvent("a-1", MONDAY, "consent", "sub",
            "patient", null, "opposition decision", AccessAction.CREATE, "Consent", List.of(PATIENT.value()),
            AccessOutcome.SUCCESS, null);
    private static final OppositionRegisteredEvent OPPOSED = new OppositionRegisteredEvent(PATIENT,
            List.of(PATIENT, TRAITS), "d-1", "OPP-1", MONDAY, ONLINE);

    private AggregateTestFixture<PatientConsent> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(PatientConsent.class);
    }

    private static RegisterOppositionCommand oppose(String decisionId, Instant at, PatientPseudonym... pseudonyms) {
        return new RegisterOppositionCommand(PATIENT, List.of(pseudonyms), decisionId, "OPP-" + decisionId, at,
                ONLINE, ACCESS);
    }

    private static WithdrawOppositionCommand withdraw(String decisionId, Instant at) {
        return new WithdrawOppositionCommand(PATIENT, List.of(PATIENT), decisionId, "WDR-" + decisionId, at, ONLINE,
                ACCESS);
    }

    @Nested
    class Opposing {

        @Test
        void registersTheOppositionWithEveryPseudonymAndRecordsTheAccess() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterOppositionCommand(PATIENT, List.of(PATIENT, TRAITS), "d-1", "OPP-1",
                            MONDAY, ONLINE, ACCESS))
                    .expectEvents(OPPOSED, ACCESS)
                    .expectResultMessagePayload(new Decision("d-1", "OPP-1", MONDAY, true, false));
        }

        @Test
        void decidesNothingNewWhenOpposingAgainAndAnswersWithTheDecisionInForce() {
            fixture.given(OPPOSED)
                    .when(oppose("d-2", TUESDAY, PATIENT))
                    .expectEvents(ACCESS)
                    .expectResultMessagePayload(new Decision("d-1", "OPP-1", MONDAY, true, true));
        }

        @Test
        void restatesTheSameDecisionWhenThePatientIsKnownUnderMorePseudonyms() {
            fixture.given(OPPOSED)
                    .when(oppose("d-2", TUESDAY, PATIENT, new PatientPseudonym("v2.patient")))
                    .expectEvents(new OppositionRegisteredEvent(PATIENT,
                            List.of(PATIENT, TRAITS, new PatientPseudonym("v2.patient")),
                            "d-1", "OPP-1", MONDAY, ONLINE), ACCESS);
        }

        @Test
        void opposesAgainAfterAWithdrawalAsANewDecision() {
            fixture.given(OPPOSED, new OppositionWithdrawnEvent(PATIENT, List.of(PATIENT), "d-2", "WDR-2", MONDAY,
                    ONLINE))
                    .when(oppose("d-3", TUESDAY, PATIENT))
                    .expectEvents(
                            new OppositionRegisteredEvent(PATIENT, List.of(PATIENT, TRAITS), "d-3", "OPP-d-3",
                                    TUESDAY, ONLINE),
                            ACCESS)
                    .expectResultMessagePayload(new Decision("d-3", "OPP-d-3", TUESDAY, true, false));
        }

        @Test
        void rejectsADecisionThatWouldNotRecordWhoActed() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterOppositionCommand(PATIENT, List.of(PATIENT), "d-1", "OPP-1", MONDAY, ONLINE,
                            null))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Erasing {

        private EraseDataCommand erase(String reference, List<String> keys) {
            return new EraseDataCommand(PATIENT, reference, TUESDAY, ONLINE, keys, null, ACCESS);
        }

        @Test
        void recordsTheErasureAndTellsEveryServiceWhichKeysAreGone() {
            fixture.given(OPPOSED)
                    .when(erase("ERA-1", List.of("key-1", "key-2")))
                    .expectEvents(new PatientDataErasedEvent(PATIENT, "ERA-1", TUESDAY, ONLINE, 2),
                            new PersonalDataErasedEvent(List.of("key-1", "key-2"), TUESDAY), ACCESS)
                    .expectResultMessagePayload(new Decision("ERA-1", "ERA-1", TUESDAY, true, false));
        }

        @Test
        void decidesNothingNewWhenNoKeyWasLeftToDestroy() {
            fixture.given(OPPOSED, new PatientDataErasedEvent(PATIENT, "ERA-1", MONDAY, ONLINE, 1))
                    .when(erase("ERA-2", List.of()))
                    .expectEvents(ACCESS)
                    .expectResultMessagePayload(new Decision("ERA-1", "ERA-1", MONDAY, true, true));
        }
    }

    @Nested
    class ForAChildThroughTheDpoOffice {

        private final DecisionOrigin parent = new DecisionOrigin("patient", Channel.ONLINE, "v1.parent", null);
        private final DecisionOrigin letter = new DecisionOrigin("dpo-office", Channel.POST, "v1.parent", "LR-7");
        private final ErasureRequestedEvent requested = new ErasureRequestedEvent(PATIENT, "r-1", "ERQ-1", MONDAY,
                parent);

        @Test
        void recordsTheRequestWithoutErasingAnything() {
            fixture.given(OPPOSED)
                    .when(new RequestErasureCommand(PATIENT, "r-1", "ERQ-1", MONDAY, parent, ACCESS))
                    .expectEvents(requested, ACCESS)
                    .expectResultMessagePayload(new Decision("r-1", "ERQ-1", MONDAY, true, false));
        }

        @Test
        void answersWithTheRequestWaitingWhenAskedAgain() {
            fixture.given(OPPOSED, requested)
                    .when(new RequestErasureCommand(PATIENT, "r-2", "ERQ-2", TUESDAY, parent, ACCESS))
                    .expectEvents(ACCESS)
                    .expectResultMessagePayload(new Decision("r-1", "ERQ-1", MONDAY, true, true));
        }

        @Test
        void erasesAndClosesTheRequestTheDpoOfficeConfirms() {
            fixture.given(OPPOSED, requested)
                    .when(new EraseDataCommand(PATIENT, "ERA-1", TUESDAY, letter, List.of("key-1"), "ERQ-1", ACCESS))
                    .expectEvents(new PatientDataErasedEvent(PATIENT, "ERA-1", TUESDAY, letter, 1),
                            new PersonalDataErasedEvent(List.of("key-1"), TUESDAY),
                            new ErasureRequestConfirmedEvent(PATIENT, "ERQ-1", "ERA-1", TUESDAY, letter), ACCESS);
        }

        @Test
        void refusesToConfirmARequestThatIsNotWaiting() {
            fixture.given(OPPOSED, requested, new ErasureRequestRefusedEvent(PATIENT, "ERQ-1", "no proof", TUESDAY,
                    letter))
                    .when(new EraseDataCommand(PATIENT, "ERA-1", TUESDAY, letter, List.of("key-1"), "ERQ-1", ACCESS))
                    .expectException(NoPendingErasureException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesARequestOnlyWithAReason() {
            fixture.given(OPPOSED, requested)
                    .when(new RefuseErasureRequestCommand(PATIENT, "ERQ-1", " ", TUESDAY, letter, ACCESS))
                    .expectException(IllegalArgumentException.class);
            fixture.given(OPPOSED, requested)
                    .when(new RefuseErasureRequestCommand(PATIENT, "ERQ-1", "no proof", TUESDAY, letter, ACCESS))
                    .expectEvents(new ErasureRequestRefusedEvent(PATIENT, "ERQ-1", "no proof", TUESDAY, letter),
                            ACCESS);
        }
    }

    @Nested
    class Withdrawing {

        @Test
        void withdrawsTheOppositionInForce() {
            fixture.given(OPPOSED)
                    .when(withdraw("d-2", TUESDAY))
                    .expectEvents(new OppositionWithdrawnEvent(PATIENT, List.of(PATIENT, TRAITS), "d-2",
                            "WDR-d-2", TUESDAY, ONLINE), ACCESS)
                    .expectResultMessagePayload(new Decision("d-2", "WDR-d-2", TUESDAY, false, false));
        }

        @Test
        void decidesNothingWhenNoOppositionIsInForce() {
            fixture.given(OPPOSED, new OppositionWithdrawnEvent(PATIENT, List.of(PATIENT), "d-2", "WDR-2", MONDAY,
                    ONLINE))
                    .when(withdraw("d-3", TUESDAY))
                    .expectEvents(ACCESS)
                    .expectResultMessagePayload(new Decision("d-2", "WDR-2", MONDAY, false, true));
        }
    }

    @Nested
    class OpposingOneProject {

        private RegisterProjectOppositionCommand opposeProject(String projectId, String decisionId) {
            return new RegisterProjectOppositionCommand(PATIENT, List.of(PATIENT), projectId, decisionId, "OPJ-1",
                    MONDAY, ONLINE, ACCESS);
        }

        private ProjectOppositionRegisteredEvent opposedTo(String projectId, String decisionId) {
            return new ProjectOppositionRegisteredEvent(PATIENT, List.of(PATIENT), projectId, decisionId, "OPJ-1",
                    MONDAY, ONLINE);
        }

        @Test
        void registersAnOppositionToOneProjectLeavingOtherUsesAlone() {
            fixture.givenNoPriorActivity().when(opposeProject("prj-1", "d-1"))
                    .expectEvents(opposedTo("prj-1", "d-1"), ACCESS)
                    .expectResultMessagePayload(new Decision("d-1", "OPJ-1", MONDAY, true, false));
        }

        @Test
        void answersARepeatWithTheDecisionInForce() {
            fixture.given(opposedTo("prj-1", "d-1")).when(opposeProject("prj-1", "d-2")).expectEvents(ACCESS)
                    .expectResultMessagePayload(new Decision("d-1", "OPJ-1", MONDAY, true, true));
        }

        @Test
        void opposesAnotherProjectSeparately() {
            fixture.given(opposedTo("prj-1", "d-1")).when(opposeProject("prj-2", "d-2"))
                    .expectEvents(opposedTo("prj-2", "d-2"), ACCESS);
        }

        @Test
        void withdrawsTheOppositionToThatProjectOnly() {
            fixture.given(opposedTo("prj-1", "d-1"), opposedTo("prj-2", "d-2"))
                    .when(new WithdrawProjectOppositionCommand(PATIENT, List.of(PATIENT), "prj-1", "d-3", "WPJ-1",
                            TUESDAY, ONLINE, ACCESS))
                    .expectEvents(new ProjectOppositionWithdrawnEvent(PATIENT, List.of(PATIENT), "prj-1", "d-3",
                            "WPJ-1", TUESDAY, ONLINE), ACCESS);
        }
    }
}
