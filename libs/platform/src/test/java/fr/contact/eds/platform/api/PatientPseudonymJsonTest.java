package fr.contact.eds.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Typing the pseudonym changed no stored event: it is written and read as the plain text events always held. */
class PatientPseudonymJsonTest {

    record Decided(PatientPseudonym patientPseudonym, List<PatientPseudonym> pseudonyms) {

        Decided {
            pseudonyms = PatientPseudonym.known(pseudonyms);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesATypedPseudonymAsThePlainTextOlderEventsHold() throws Exception {
        Decided decided = new Decided(new PatientPseudonym("v1.p"),
                List.of(new PatientPseudonym("v1.p"), new PatientPseudonym("v2.p")));

        assertThat(JSON.writeValueAsString(decided))
                .isEqualTo("{\"patientPseudonym\":\"v1.p\",\"pseudonyms\":[\"v1.p\",\"v2.p\"]}");
    }

    @Test
    void readsWhatOlderWritersLeftBlankOrMissingAsAbsentInsteadOfFailingTheEvent() throws Exception {
        Decided decided = JSON.readValue("{\"patientPseudonym\":\" \",\"pseudonyms\":[\"v1.p\",\"\",null]}",
                Decided.class);

        assertThat(decided.patientPseudonym()).isNull();
        assertThat(decided.pseudonyms()).containsExactly(new PatientPseudonym("v1.p"));
        assertThat(JSON.readValue("{}", Decided.class).pseudonyms()).isEmpty();
    }
}
