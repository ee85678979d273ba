package fr.contact.eds.consent.decisions.rest;

import ca.uhn.fhir.context.FhirContext;
import fr.contact.eds.consent.decisions.ConsentStatus;
import fr.contact.eds.consent.decisions.DecisionRecord;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/**
 * A consent history as FHIR R4 {@code Consent} resources, an opt-out as IHE PCF shapes one (a {@code deny}
 * provision with its purpose and period) but of scope research: PCF's profiles fix scope patient-privacy (sharing for
 * care), so none is claimed. One Consent per opposition, over the period it was in force; active while it is,
 * inactive once withdrawn.
 */
final class ConsentFhir {

    static final String FHIR_JSON = "application/fhir+json";
    private static final String PSEUDONYM_SYSTEM = "https://contact-eds.fr/fhir/NamingSystem/patient-pseudonym";
    private static final String RECEIPT_SYSTEM = "https://contact-eds.fr/fhir/NamingSystem/consent-receipt";
    private static final String PROJECT_SYSTEM = "https://contact-eds.fr/fhir/NamingSystem/research-project";
    private static final String RESEARCH_STUDY_CONTEXT = "http://hl7.org/fhir/StructureDefinition/consent-ResearchStudyContext";
    private static final String LETTER_SYSTEM = "https://contact-eds.fr/fhir/NamingSystem/dpo-letter";

    private ConsentFhir() {}

    /** The status as a FHIR Bundle of Consents, serialised. */
    static String json(FhirContext fhir, ConsentStatus status) {
        return fhir.newJsonParser().encodeResourceToString(of(status));
    }

    static Bundle of(ConsentStatus status) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        List<DecisionRecord> history = status.history();
        for (int i = 0; i < history.size(); i++) {
            DecisionRecord decision = history.get(i);
            if (decision.kind() == DecisionRecord.Kind.OPPOSITION) {
                DecisionRecord withdrawal = history.stream().skip(i + 1L)
                        .filter(DecisionRecord::aboutAllReuse).findFirst().orElse(null);
                add(bundle, consent(status.patientPseudonym().value(), decision, withdrawal));
            } else if (decision.kind() == DecisionRecord.Kind.PROJECT_OPPOSITION) {
                DecisionRecord withdrawal = history.stream().skip(i + 1L)
                        .filter(d -> d.kind() == DecisionRecord.Kind.PROJECT_WITHDRAWAL
                                && d.projectId().equals(decision.projectId()))
                        .findFirst().orElse(null);
                Consent consent = consent(status.patientPseudonym().value(), decision, withdrawal);
                // Denied to this study only. R4's provision actors cannot be a ResearchStudy; the core extension
                // for a consent given in the context of a study can.
                consent.addExtension(RESEARCH_STUDY_CONTEXT, new Reference().setType("ResearchStudy")
                        .setIdentifier(new Identifier().setSystem(PROJECT_SYSTEM).setValue(decision.projectId())));
                add(bundle, consent);
            }
        }
        return bundle;
    }

    /**
     * A collection's entries need a fullUrl; the Consents have no RESTful address, so a UUID derived from the
     * decision names each one, the same in every rendering of the history.
     */
    private static void add(Bundle bundle, Consent consent) {
        bundle.addEntry().setFullUrl("urn:uuid:" + UUID.nameUUIDFromBytes(
                ("consent/" + consent.getIdPart()).getBytes(StandardCharsets.UTF_8))).setResource(consent);
    }

    private static Consent consent(String patientPseudonym, DecisionRecord opposition, DecisionRecord withdrawal) {
        Consent consent = new Consent();
        consent.setId(opposition.decisionId());
        consent.setStatus(withdrawal == null ? Consent.ConsentState.ACTIVE : Consent.ConsentState.INACTIVE);
        consent.setScope(concept("http://terminology.hl7.org/CodeSystem/consentscope", "research"));
        consent.addCategory(concept("http://loinc.org", "59284-0"));
        consent.setPatient(new Reference().setType("Patient")
                .setIdentifier(new Identifier().setSystem(PSEUDONYM_SYSTEM).setValue(patientPseudonym)));
        consent.setDateTime(Date.from(opposition.effectiveAt()));
        consent.addIdentifier().setSystem(RECEIPT_SYSTEM).setValue(opposition.reference());
        if (opposition.origin().letterReference() != null) {
            consent.addIdentifier().setSystem(LETTER_SYSTEM).setValue(opposition.origin().letterReference());
        }
        if (opposition.origin().guardianPseudonym() != null) {
            consent.addPerformer().setType("RelatedPerson").setIdentifier(new Identifier().setSystem(PSEUDONYM_SYSTEM)
                    .setValue(opposition.origin().guardianPseudonym()));
        } else {
            consent.addPerformer(consent.getPatient().copy());
        }
        consent.addPolicy().setUri("https://contact-eds.fr/policy/opposition");
        consent.setPolicyRule(concept("http://terminology.hl7.org/CodeSystem/v3-ActCode", "OPTOUT"));
        Period period = new Period().setStart(Date.from(opposition.effectiveAt()));
        if (withdrawal != null) {
            period.setEnd(Date.from(withdrawal.effectiveAt()));
        }
        consent.getProvision().setType(Consent.ConsentProvisionType.DENY).setPeriod(period)
                .addPurpose(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActReason", "HRESCH",
                        "healthcare research"));
        return consent;
    }

    private static CodeableConcept concept(String system, String code) {
        return new CodeableConcept().addCoding(new Coding().setSystem(system).setCode(code));
    }
}
