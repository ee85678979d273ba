package fr.contact.eds.ingestion.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import fr.contact.eds.ingestion.api.EncounterRecordedEvent;
import fr.contact.eds.pseudonymisation.Pseudonymiser;
import fr.contact.eds.simulator.BundleWriter;
import fr.contact.eds.simulator.EpisodeGenerator;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

/** The simulator's bundles are what intake expects: every one maps, whole, without an issue, roles included. */
class SyntheticBundlesTest {

    @Test
    void everyGeneratedBundleBecomesAnEpisode() {
        FhirContext fhir = FhirContext.forR4();
        BundleWriter writer = new BundleWriter(fhir);
        Pseudonymiser pseudonymiser = new Pseudonymiser(
                Map.of(1, "a-test-key-that-is-long-enough-for-hmac".getBytes(StandardCharsets.UTF_8)), 1);
        var episodes = new EpisodeGenerator(3).day(LocalDate.of(2026, 1, 17), 300);

        assertThat(episodes).hasSizeGreaterThan(300).allSatisfy(episode -> {
            String json = writer.json(episode);
            // What HAPI itself writes has every element in its FHIR JSON type.
            assertThat(new JsonTypes(fhir).problemIn(json.getBytes(StandardCharsets.UTF_8))).isEmpty();
            Bundle parsed = fhir.newJsonParser().parseResource(Bundle.class, json);
            MappedBundle mapped = new BundleMapper(pseudonymiser, episode.associationId())
                    .map(parsed);
            assertThat(mapped.issues()).isEmpty();
            assertThat(mapped.episodes()).hasSize(1);
            assertThat(mapped.resourcesIgnored()).isZero();
            if (!episode.adviceOnly()) {
                assertThat(mapped.episodes().get(0).events()).filteredOn(EncounterRecordedEvent.class::isInstance)
                        .map(EncounterRecordedEvent.class::cast).singleElement()
                        .satisfies(e -> assertThat(e.practitionerRole()).isEqualTo(episode.practitioner().role()));
            }
        });
    }
}
