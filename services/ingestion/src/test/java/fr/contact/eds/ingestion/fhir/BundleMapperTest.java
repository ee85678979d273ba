package fr.contact.eds.ingestion.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.contact.eds.ingestion.api.CallReceivedEvent;
import fr.contact.eds.ingestion.api.Code;
import fr.contact.eds.ingestion.api.DiagnosisRecordedEvent;
import fr.contact.eds.ingestion.api.Disposition;
import fr.contact.eds.ingestion.api.EncounterClass;
import fr.contact.eds.ingestion.api.EncounterRecordedEvent;
import fr.contact.eds.ingestion.api.EpisodeOpenedEvent;
import fr.contact.eds.ingestion.api.GpHandOffRecordedEvent;
import fr.contact.eds.ingestion.api.OutcomeRecordedEvent;
import fr.contact.eds.ingestion.api.PractitionerDispatchedEvent;
import fr.contact.eds.ingestion.api.PractitionerRoles;
import fr.contact.eds.ingestion.api.PrescriptionRecordedEvent;
import fr.contact.eds.ingestion.api.VitalSignRecordedEvent;
import fr.contact.eds.platform.api.PatientPseudonym;
import fr.contact.eds.pseudonymisation.PatientIdentity;
import fr.contact.eds.pseudonymisation.Pseudonymiser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BundleMapperTest {

    private static final FhirContext FHIR = FhirContext.forR4();
    private static final Pseudonymiser PSEUDONYMISER = new Pseudonymiser(
            Map.of(1, "a-test-key-that-is-long-enough-for-hmac".getBytes(StandardCharsets.UTF_8)), 1);

    private static Bundle example() throws IOException {
        try (InputStream in = BundleMapperTest.class.getResourceAsStream("/bundles/home-visit.json")) {
            return FHIR.newJsonParser().parseResource(Bundle.class, in);
        }
    }

    private static MappedBundle map(Bundle bundle) {
        return new BundleMapper(PSEUDONYMISER, "sos-paris").map(bundle);
    }

    private static <T extends org.hl7.fhir.r4.model.Resource> T resource(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
                .map(type::cast).findFirst().orElseThrow();
    }

    @Nested
    class AWholeHomeVisit {

        @Test
        void becomesOneEpisodeWithEveryFacetInBusinessOrder() throws IOException {
            MappedBundle mapped = map(example());

            assertThat(mapped.issues()).isEmpty();
            assertThat(mapped.bundleType()).isEqualTo("transaction");
            assertThat(mapped.episodes()).hasSize(1);
            assertThat(mapped.episodes().get(0).events()).extracting(e -> e.getClass().getSimpleName()).containsExactly(
                    "EpisodeOpenedEvent", "CallReceivedEvent", "PractitionerDispatchedEvent", "EncounterRecordedEvent",
                    "DiagnosisRecordedEvent", "VitalSignRecordedEvent", "PrescriptionRecordedEvent",
                    "OutcomeRecordedEvent", "GpHandOffRecordedEvent");
            assertThat(mapped.resourcesUsed()).isEqualTo(10);
            assertThat(mapped.resourcesIgnored()).as("the Coverage").isEqualTo(1);
        }

        @Test
        void keepsThePatientAsPseudonymAndGeneralisedTraits() throws IOException {
            var events = map(example()).episodes().get(0).events();
            var opened = (EpisodeOpenedEvent) events.get(0);

            PatientPseudonym expected = PSEUDONYMISER.pseudonymOf(PatientIdentity.withIns("255081416802538"));
            assertThat(opened.patientPseudonym()).isEqualTo(expected);
            assertThat(opened).extracting(EpisodeOpenedEvent::sex, EpisodeOpenedEvent::ageYears,
                    EpisodeOpenedEvent::ageBand, EpisodeOpenedEvent::birthYear, EpisodeOpenedEvent::departement)
                    .containsExactly("F", 70, "65-74", 1955, "75");
            assertThat(opened.associationId()).isEqualTo("sos-paris");
            assertThat(opened.openedAt()).isEqualTo(Instant.parse("2026-01-15T20:40:00Z"));
        }

        @Test
        void knowsThePatientByInsAndByTraitsForTheConsentGate() throws IOException {
            var episode = map(example()).episodes().get(0);

            assertThat(episode.knownAs()).containsExactly(
                    PSEUDONYMISER.pseudonymOf(PatientIdentity.withIns("255081416802538")),
                    PSEUDONYMISER.pseudonymOf(PatientIdentity.withTraits("Lefèvre-Dupont", "Marie",
                            java.time.LocalDate.of(1955, 8, 14), PatientIdentity.Sex.FEMALE, null)));
        }

        @Test
        void keepsCodesTimingsAndDecisions() throws IOException {
            var events = map(example()).episodes().get(0).events();

            assertThat((CallReceivedEvent) events.get(1)).satisfies(call -> {
                assertThat(call.receivedAt()).isEqualTo(Instant.parse("2026-01-15T19:52:00Z"));
                assertThat(call.reasons()).containsExactly(new Code(FhirSystems.ICPC2, "R05"));
                assertThat(call.triagePriority()).isEqualTo("P2");
                assertThat(call.regulationDecision()).isEqualTo("home-visit");
            });
            assertThat(((PractitionerDispatchedEvent) events.get(2)).practitionerPseudonym()).startsWith("v1.");
            assertThat((EncounterRecordedEvent) events.get(3)).satisfies(encounter -> {
                assertThat(encounter.encounterClass()).isEqualTo(EncounterClass.HOME_VISIT);
                assertThat(encounter.arrivedAt()).isEqualTo(Instant.parse("2026-01-15T20:40:00Z"));
                assertThat(encounter.endedAt()).isEqualTo(Instant.parse("2026-01-15T21:05:00Z"));
            });
            assertThat(((DiagnosisRecordedEvent) events.get(4)).codings())
                    .containsExactly(new Code(FhirSystems.ICPC2, "R78"), new Code(FhirSystems.ICD10, "J20.9"));
            assertThat((VitalSignRecordedEvent) events.get(5)).satisfies(v -> {
                assertThat(v.code()).isEqualTo(new Code(FhirSystems.LOINC, "8310-5"));
                assertThat(v.value()).isEqualByComparingTo("38.4");
                assertThat(v.unit()).isEqualTo("Cel");
            });
            assertThat(((PrescriptionRecordedEvent) events.get(6)).medication())
                    .containsExactly(new Code("http://www.whocc.no/atc", "N02BE01"));
            assertThat(((OutcomeRecordedEvent) events.get(7)).disposition()).isEqualTo(Disposition.HOME);
            assertThat(((GpHandOffRecordedEvent) events.get(8)).sentAt())
                    .isEqualTo(Instant.parse("2026-01-15T21:10:00Z"));
        }

        @Test
        void carriesNoIdentifierFreeTextOrExactDate() throws IOException {
            var mapper = new ObjectMapper().findAndRegisterModules();
            String stored = mapper.writeValueAsString(map(example()).episodes());

            assertThat(stored).doesNotContainIgnoringCase("lef").doesNotContainIgnoringCase("marie")
                    .doesNotContain("255081416802538", "12 34 56 78", "+33", "Tilleuls", "1955-08-14", "10101234567",
                            "Martin", "E-778899", "75112", "toux", "Bronchite", "enc-1", "dx-1", "CPAM",
                            "98 76 54 32", "Remplaçant");
        }

        @Test
        void givesTheSameEpisodeAndPatientWhenSentAgain() throws IOException {
            assertThat(map(example()).episodes()).isEqualTo(map(example()).episodes());
        }
    }

    @Nested
    class ThePractitioner {

        private static final String PATIENT = "urn:uuid:4b1d2a61-0000-4000-8000-000000000001";
        private static final String PRACTITIONER = "urn:uuid:4b1d2a61-0000-4000-8000-000000000002";

        private static PractitionerDispatchedEvent dispatched(MappedBundle mapped) {
            return (PractitionerDispatchedEvent) mapped.episodes().get(0).events().get(2);
        }

        private static EncounterRecordedEvent encounter(MappedBundle mapped) {
            return (EncounterRecordedEvent) mapped.episodes().get(0).events().get(3);
        }

        @Test
        void isKeptAsPseudonymAndRoleForTheDispatchAndTheVisit() throws IOException {
            MappedBundle mapped = map(example());

            assertThat(dispatched(mapped).practitionerRole()).isEqualTo(PractitionerRoles.LOCUM);
            assertThat(dispatched(mapped).practitionerPseudonym()).startsWith("v1.");
            assertThat(encounter(mapped).practitionerRole()).isEqualTo(PractitionerRoles.LOCUM);
            assertThat(encounter(mapped).practitionerPseudonym())
                    .isEqualTo(dispatched(mapped).practitionerPseudonym());
        }

        @Test
        void isTheSamePseudonymWhetherNamedDirectlyOrThroughItsRole() throws IOException {
            Bundle bundle = example();
            resource(bundle, Task.class).getOwner().setReference(PRACTITIONER);

            MappedBundle mapped = map(bundle);
            assertThat(dispatched(mapped).practitionerRole()).isNull();
            assertThat(dispatched(mapped).practitionerPseudonym()).isEqualTo(encounter(mapped).practitionerPseudonym());
        }

        @Test
        void isThePrimaryPerformerWhenTheEncounterListsSeveral() throws IOException {
            Bundle bundle = example();
            Encounter encounter = resource(bundle, Encounter.class);
            Practitioner resident = new Practitioner();
            resident.addIdentifier().setSystem("urn:oid:1.2.250.1.71.4.2.1").setValue("10109999999");
            bundle.addEntry().setFullUrl("urn:uuid:resident").setResource(resident);
            encounter.getParticipant().add(0, new Encounter.EncounterParticipantComponent()
                    .setIndividual(new Reference("urn:uuid:resident")));

            assertThat(encounter(map(bundle)).practitionerRole()).isEqualTo(PractitionerRoles.LOCUM);

            encounter.getParticipant().get(1).setType(null);
            assertThat(encounter(map(bundle)).practitionerRole()).as("the first listed, without a primary performer")
                    .isNull();
        }

        @Test
        void isLeftOutWhenTheParticipantIsOutsideTheBundle() throws IOException {
            Bundle bundle = example();
            resource(bundle, Encounter.class).getParticipantFirstRep().getIndividual()
                    .setReference("Practitioner/elsewhere");

            MappedBundle mapped = map(bundle);
            assertThat(mapped.issues()).isEmpty();
            assertThat(encounter(mapped).practitionerPseudonym()).isNull();
            assertThat(encounter(mapped).practitionerRole()).isNull();
        }

        @Test
        void hasNoRoleWhenCodedInAnotherSystemOnly() throws IOException {
            Bundle bundle = example();
            resource(bundle, PractitionerRole.class).getCodeFirstRep().getCodingFirstRep()
                    .setSystem("http://snomed.info/sct").setCode("62247001");

            MappedBundle mapped = map(bundle);
            assertThat(mapped.issues()).isEmpty();
            assertThat(dispatched(mapped).practitionerRole()).isNull();
            assertThat(dispatched(mapped).practitionerPseudonym()).startsWith("v1.");
        }

        @Test
        void namesAnUnknownRoleOnce() throws IOException {
            Bundle bundle = example();
            resource(bundle, PractitionerRole.class).getCodeFirstRep().getCodingFirstRep().setCode("nurse");

            assertThat(map(bundle).issues()).singleElement().satisfies(i -> {
                assertThat(i.code()).isEqualTo("code-invalid");
                assertThat(i.expression()).isEqualTo("Bundle.entry[10].resource.code[0]");
                assertThat(i.diagnostics()).contains("associate", "locum", "resident", "regulator");
            });
        }

        @Test
        void namesADispatchToSomeoneElseThanAPractitioner() throws IOException {
            Bundle bundle = example();
            resource(bundle, Task.class).getOwner().setReference(PATIENT);

            assertThat(map(bundle).issues()).singleElement().satisfies(i -> {
                assertThat(i.code()).isEqualTo("not-found");
                assertThat(i.expression()).isEqualTo("Bundle.entry[4].resource.owner");
            });
        }
    }

    @Nested
    class ACallEndedWithAdvice {

        private Bundle advice() throws IOException {
            try (InputStream in = BundleMapperTest.class.getResourceAsStream("/bundles/advice-call.json")) {
                return FHIR.newJsonParser().parseResource(Bundle.class, in);
            }
        }

        @Test
        void becomesAnEpisodeOfItsCallAlone() throws IOException {
            MappedBundle mapped = map(advice());

            assertThat(mapped.issues()).isEmpty();
            assertThat(mapped.resourcesUsed()).isEqualTo(2);
            var events = mapped.episodes().get(0).events();
            assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("EpisodeOpenedEvent",
                    "CallReceivedEvent");
            var opened = (EpisodeOpenedEvent) events.get(0);
            assertThat(opened.openedAt()).isEqualTo(Instant.parse("2026-01-16T02:12:00Z"));
            assertThat(opened.patientPseudonym())
                    .isEqualTo(PSEUDONYMISER.pseudonymOf(PatientIdentity.withIns("255081416802538")));
            var call = (CallReceivedEvent) events.get(1);
            assertThat(call.regulationDecision()).isEqualTo("advice");
            assertThat(call.reasons()).containsExactly(new Code("http://hl7.org/fhir/sid/icpc-2", "A03"));
        }

        @Test
        void isAnotherEpisodeThanTheVisitOfTheSamePatient() throws IOException {
            Bundle both = example();
            both.addEntry(advice().getEntry().get(1));

            MappedBundle mapped = map(both);
            assertThat(mapped.issues()).isEmpty();
            assertThat(mapped.episodes()).extracting(MappedEpisode::episodeId).doesNotHaveDuplicates().hasSize(2);
            assertThat(mapped.episodes()).extracting(MappedEpisode::patientPseudonym).containsOnly(
                    mapped.episodes().get(0).patientPseudonym());
        }

        @Test
        void namesAMissingCallTime() throws IOException {
            Bundle bundle = advice();
            resource(bundle, org.hl7.fhir.r4.model.Communication.class).setSent(null);

            assertThat(map(bundle).issues()).extracting(IntakeIssue::expression)
                    .containsExactly("Bundle.entry[1].resource.sent");
        }

        @Test
        void isNotAnEpisodeWithoutItsPatient() throws IOException {
            Bundle bundle = advice();
            resource(bundle, org.hl7.fhir.r4.model.Communication.class).setSubject(null);

            assertThat(map(bundle).issues()).extracting(IntakeIssue::expression).contains("Bundle.entry");
        }
    }

    @Nested
    class RealWorldFhir {

        @Test
        void turnsAnEncounterWithoutOurExtensionsIntoAnEpisode() throws IOException {
            Bundle bundle = example();
            bundle.getEntry()
                    .removeIf(e -> !(e.getResource() instanceof Patient || e.getResource() instanceof Encounter));
            Encounter encounter = resource(bundle, Encounter.class);
            encounter.setExtension(null);
            encounter.getHospitalization().setDischargeDisposition(null);

            var events = map(bundle).episodes().get(0).events();
            assertThat(events).hasSize(2).element(1).isInstanceOf(EncounterRecordedEvent.class);
        }

        @Test
        void pseudonymisesByTraitsWhenThereIsNoIns() throws IOException {
            Bundle bundle = example();
            resource(bundle, Patient.class).setIdentifier(null);

            var opened = (EpisodeOpenedEvent) map(bundle).episodes().get(0).events().get(0);
            assertThat(opened.patientPseudonym()).isNotNull().isNotEqualTo(
                    PSEUDONYMISER.pseudonymOf(PatientIdentity.withIns("255081416802538")));
        }
    }

    @Nested
    class Rejection {

        @Test
        void namesAMissingPatient() throws IOException {
            Bundle bundle = example();
            bundle.getEntry().removeIf(e -> e.getResource() instanceof Patient);

            MappedBundle mapped = map(bundle);
            assertThat(mapped.rejected()).isTrue();
            assertThat(mapped.episodes()).isEmpty();
            assertThat(mapped.issues()).extracting(IntakeIssue::expression)
                    .contains("Bundle.entry", "Bundle.entry[1].resource.subject");
        }

        @Test
        void namesAnUnknownEncounterClass() throws IOException {
            Bundle bundle = example();
            resource(bundle, Encounter.class).getClass_().setCode("XYZ");

            assertThat(map(bundle).issues()).extracting(IntakeIssue::code, IntakeIssue::expression)
                    .contains(org.assertj.core.groups.Tuple.tuple("code-invalid", "Bundle.entry[2].resource.class"));
        }

        @Test
        void namesADiagnosisWithoutAKnownCodeSystem() throws IOException {
            Bundle bundle = example();
            resource(bundle, org.hl7.fhir.r4.model.Condition.class).getCode().getCoding()
                    .forEach(c -> c.setSystem("http://example.org/local-codes"));

            assertThat(map(bundle).issues()).singleElement()
                    .satisfies(i -> assertThat(i.expression()).isEqualTo("Bundle.entry[5].resource.code"));
        }

        @Test
        void namesAnInvalidInsAndAMissingBirthDate() throws IOException {
            Bundle bundle = example();
            resource(bundle, Patient.class).getIdentifierFirstRep().setValue("255081416802539");
            assertThat(map(bundle).issues()).extracting(IntakeIssue::expression)
                    .containsExactly("Bundle.entry[0].resource.identifier");

            resource(bundle, Patient.class).setBirthDate(null);
            assertThat(map(bundle).issues()).extracting(IntakeIssue::expression)
                    .containsExactly("Bundle.entry[0].resource.birthDate");
        }

        @Test
        void namesAReferenceToNothingInTheBundle() throws IOException {
            Bundle bundle = example();
            resource(bundle, org.hl7.fhir.r4.model.Observation.class).getEncounter()
                    .setReference("Encounter/elsewhere");

            assertThat(map(bundle).issues()).singleElement().satisfies(i -> {
                assertThat(i.code()).isEqualTo("not-found");
                assertThat(i.expression()).isEqualTo("Bundle.entry[6].resource.encounter");
            });
        }

        @Test
        void refusesAMeasureWithoutValueThatWouldReachEveryReadModel() throws IOException {
            Bundle bundle = example();
            resource(bundle, org.hl7.fhir.r4.model.Observation.class)
                    .setValue(new org.hl7.fhir.r4.model.Quantity());

            assertThat(map(bundle).issues()).singleElement().satisfies(i -> {
                assertThat(i.code()).isEqualTo("required");
                assertThat(i.expression()).isEqualTo("Bundle.entry[6].resource.valueQuantity.value");
            });
        }

        @Test
        void refusesAMeasureWithoutCode() throws IOException {
            Bundle bundle = example();
            resource(bundle, org.hl7.fhir.r4.model.Observation.class).getCode().getCodingFirstRep().setCode(null);

            assertThat(map(bundle).issues()).extracting(IntakeIssue::expression)
                    .containsExactly("Bundle.entry[6].resource.code");
        }

        @Test
        void refusesAnotherBundleType() throws IOException {
            Bundle bundle = example().setType(Bundle.BundleType.SEARCHSET);
            assertThat(map(bundle).issues()).extracting(IntakeIssue::expression).containsExactly("Bundle.type");
        }
    }

    @Nested
    class FromAnotherEhr {

        @Test
        void answersAnInpatientStayAsNotTakenInEntryByEntryAndRefusesNothing() throws IOException {
            Bundle bundle = example();
            resource(bundle, Encounter.class).getClass_().setCode("IMP");

            MappedBundle mapped = map(bundle);

            assertThat(mapped.issues()).isEmpty();
            assertThat(mapped.episodes()).isEmpty();
            assertThat(mapped.entryUsed().get(2)).isFalse();
            assertThat(mapped.entryNotes().get(2)).contains("inpatient stay");
            int condition = bundle.getEntry().indexOf(bundle.getEntry().stream()
                    .filter(e -> e.getResource() instanceof org.hl7.fhir.r4.model.Condition).findFirst().orElseThrow());
            assertThat(mapped.entryUsed().get(condition)).isFalse();
            assertThat(mapped.entryNotes().get(condition)).contains("outside unscheduled care");
        }

        @Test
        void keepsEveryCodingOfADiagnosisCodedInSnomedCt() throws IOException {
            Bundle bundle = example();
            var code = resource(bundle, org.hl7.fhir.r4.model.Condition.class).getCode();
            code.getCoding().clear();
            code.addCoding().setSystem(FhirSystems.SNOMED_CT).setCode("10509002");
            code.addCoding().setSystem("http://example.org/local-codes").setCode("BRONCH");

            assertThat(map(bundle).episodes().get(0).events()).filteredOn(DiagnosisRecordedEvent.class::isInstance)
                    .map(DiagnosisRecordedEvent.class::cast).singleElement()
                    .satisfies(d -> assertThat(d.codings()).containsExactly(new Code(FhirSystems.SNOMED_CT,
                            "10509002"), new Code("http://example.org/local-codes", "BRONCH")));
        }

        @Test
        void readsTheMedicationAPrescriptionReferencesInTheBundle() throws IOException {
            Bundle bundle = example();
            var request = resource(bundle, org.hl7.fhir.r4.model.MedicationRequest.class);
            request.setMedication(new Reference("urn:uuid:medication-1"));
            bundle.addEntry().setFullUrl("urn:uuid:medication-1").setResource(new org.hl7.fhir.r4.model.Medication()
                    .setCode(new org.hl7.fhir.r4.model.CodeableConcept(new org.hl7.fhir.r4.model.Coding(
                            "http://www.nlm.nih.gov/research/umls/rxnorm", "313782", null))));

            MappedBundle mapped = map(bundle);

            assertThat(mapped.issues()).isEmpty();
            assertThat(mapped.episodes().get(0).events()).filteredOn(PrescriptionRecordedEvent.class::isInstance)
                    .map(PrescriptionRecordedEvent.class::cast).singleElement().satisfies(p -> assertThat(
                            p.medication()).containsExactly(
                                    new Code("http://www.nlm.nih.gov/research/umls/rxnorm",
                                            "313782")));
            assertThat(mapped.entryUsed().get(bundle.getEntry().size() - 1)).isTrue();
        }

        @Test
        void keepsAPatientLivingAbroadApartFromWhereCareHappened() throws IOException {
            Bundle bundle = example();
            var address = resource(bundle, Patient.class).getAddressFirstRep();
            address.getExtension().clear();
            address.setPostalCode("02108").setCity("Boston").setCountry("US");
            org.hl7.fhir.r4.model.Location place = new org.hl7.fhir.r4.model.Location();
            place.getAddress().setPostalCode("13008").setCountry("FR");
            bundle.addEntry().setFullUrl("urn:uuid:location-1").setResource(place);
            resource(bundle, Encounter.class).addLocation().setLocation(new Reference("urn:uuid:location-1"));

            EpisodeOpenedEvent opened = (EpisodeOpenedEvent) map(bundle).episodes().get(0).events().get(0);

            assertThat(opened.residence()).isEqualTo(EpisodeOpenedEvent.ABROAD);
            assertThat(opened.departement()).as("where care happened, never the US ZIP code read as the Aisne")
                    .isEqualTo("13");
        }

        @Test
        void placesCareWithoutALocationInTheAssociationsTerritoryUnlessThePatientLivesThere() throws IOException {
            Bundle fromBoston = example();
            resource(fromBoston, Patient.class).getAddressFirstRep().setPostalCode("02108").setCountry("US")
                    .getExtension().clear();
            Bundle fromLyon = example();
            resource(fromLyon, Patient.class).getAddressFirstRep().setPostalCode("69003").getExtension().clear();
            Bundle fromNanterre = example();
            resource(fromNanterre, Patient.class).getAddressFirstRep().setPostalCode("92000").getExtension().clear();

            assertThat(careDepartement(fromBoston, List.of("75"))).isEqualTo("75");
            assertThat(careDepartement(fromBoston, List.of("75", "92"))).as("which of the two is unknown").isNull();
            assertThat(careDepartement(fromBoston, List.of())).isNull();
            assertThat(careDepartement(fromLyon, List.of("75"))).as("a walk-in from Lyon is seen in Paris")
                    .isEqualTo("75");
            assertThat(careDepartement(fromLyon, List.of())).as("territory unknown: the home").isEqualTo("69");
            assertThat(careDepartement(fromNanterre, List.of("75", "92"))).as("a home visit in the territory")
                    .isEqualTo("92");
        }

        private String careDepartement(Bundle bundle, List<String> territory) {
            MappedBundle mapped = new BundleMapper(PSEUDONYMISER, "sos-paris", territory).map(bundle);
            assertThat(mapped.issues()).isEmpty();
            return ((EpisodeOpenedEvent) mapped.episodes().get(0).events().get(0)).departement();
        }

        @Test
        void readsNubcDischargeCodes() throws IOException {
            for (var expected : Map.of("1", Disposition.HOME, "01", Disposition.HOME, "20", Disposition.DEATH, "02",
                    Disposition.HOSPITALISATION, "07", Disposition.OTHER).entrySet()) {
                Bundle bundle = example();
                resource(bundle, Encounter.class).getHospitalization().getDischargeDisposition().getCoding().get(0)
                        .setSystem(FhirSystems.NUBC_DISCHARGE).setCode(expected.getKey());

                assertThat(map(bundle).episodes().get(0).events()).filteredOn(OutcomeRecordedEvent.class::isInstance)
                        .map(OutcomeRecordedEvent.class::cast).singleElement().as(expected.getKey())
                        .satisfies(o -> assertThat(o.disposition()).isEqualTo(expected.getValue()));
            }
        }

        @Test
        void keepsLaboratoryResultsApartFromVitalSignsAndLeavesSurveysOut() throws IOException {
            Bundle bundle = example();
            var observation = resource(bundle, org.hl7.fhir.r4.model.Observation.class);
            observation.addCategory().addCoding().setSystem(FhirSystems.OBSERVATION_CATEGORY).setCode("laboratory");
            var survey = observation.copy().setCategory(new java.util.ArrayList<>());
            survey.addCategory().addCoding().setSystem(FhirSystems.OBSERVATION_CATEGORY).setCode("survey");
            bundle.addEntry().setResource(survey.setId("survey-1"));

            MappedBundle mapped = map(bundle);

            assertThat(mapped.episodes().get(0).events()).noneMatch(VitalSignRecordedEvent.class::isInstance)
                    .filteredOn(fr.contact.eds.ingestion.api.LaboratoryResultRecordedEvent.class::isInstance)
                    .hasSize(1);
            assertThat(mapped.entryUsed().get(bundle.getEntry().size() - 1)).isFalse();
            assertThat(mapped.entryNotes().get(bundle.getEntry().size() - 1)).contains("category survey");
        }
    }
}
