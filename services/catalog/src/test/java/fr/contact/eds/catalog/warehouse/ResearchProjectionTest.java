package fr.contact.eds.catalog.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.junit.jupiter.api.Test;

class ResearchProjectionTest {

    @Test
    void namesTheModalityOfACallThatEndedWithAdvice() {
        Document call = new Document("receivedAt", new java.util.Date());

        assertThat(ResearchProjection.modality(new Document("call", call))).isEqualTo("ADVICE_ONLY");
        assertThat(ResearchProjection.modality(new Document("call", call).append("encounter",
                new Document("class", "HOME_VISIT")))).isEqualTo("HOME_VISIT");
        assertThat(ResearchProjection.modality(new Document("encounter", new Document()))).isEqualTo("UNKNOWN");
    }
}
