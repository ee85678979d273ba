package fr.contact.eds.ingestion.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void findsNothingWrongWithAWellFormedBundle() throws IOException {
        try (InputStream in = StrictJsonTest.class.getResourceAsStream("/bundles/home-visit.json")) {
            assertThat(StrictJson.problemIn(in.readAllBytes())).isEmpty();
        }
    }

    @Test
    void refusesSingleQuotesCommentsAndTrailingCommasAsNotJson() {
        for (String json : new String[]{"{'resourceType': 'Bundle'}", "{\"a\": 1 /* c */}", "{\"a\": [1,]}",
                "{\"a\": 1"}) {
            assertThat(StrictJson.problemIn(bytes(json))).get()
                    .satisfies(problem -> assertThat(problem.status()).isEqualTo(400));
        }
    }

    @Test
    void refusesABodyThatIsNotUtf8() {
        assertThat(StrictJson.problemIn("{\"family\": \"Lefèvre\"}".getBytes(StandardCharsets.ISO_8859_1))).get()
                .satisfies(problem -> assertThat(problem.issue().diagnostics()).contains("not UTF-8"));
    }

    @Test
    void refusesANameNoFhirElementHasAtTheElement() {
        assertThat(StrictJson.problemIn(bytes("{\"identifier\": [{\"value\": {\"$gt\": \"\"}}]}"))).get()
                .satisfies(problem -> {
                    assertThat(problem.status()).isEqualTo(422);
                    assertThat(problem.issue().expression()).isEqualTo("Bundle.identifier[0].value.$gt");
                });
        assertThat(StrictJson.problemIn(bytes("{\"_birthDate\": {\"extension\": []}, \"valueQuantity\": {}}")))
                .isEmpty();
    }

    @Test
    void refusesATextLongerThanAnyCareRecordNeedsButNotANarrative() {
        String code = "R".repeat(StrictJson.MAX_TEXT + 1);
        assertThat(StrictJson.problemIn(bytes("{\"code\": [{\"code\": \"" + code + "\"}]}"))).get()
                .satisfies(problem -> {
                    assertThat(problem.status()).isEqualTo(422);
                    assertThat(problem.issue().expression()).isEqualTo("Bundle.code[0].code");
                });
        assertThat(StrictJson.problemIn(bytes("{\"text\": {\"div\": \"" + code + "\"}}"))).isEmpty();
        assertThat(StrictJson.problemIn(bytes("{\"line\": [\"" + code + "\"]}"))).get()
                .satisfies(problem -> assertThat(problem.issue().expression()).isEqualTo("Bundle.line[0]"));
    }

    @Test
    void refusesANullExceptInAListOfPrimitives() {
        assertThat(StrictJson.problemIn(bytes("{\"entry\": [{\"resource\": {\"gender\": null}}]}"))).get()
                .satisfies(problem -> assertThat(problem.issue().expression())
                        .isEqualTo("Bundle.entry[0].resource.gender"));
        assertThat(StrictJson.problemIn(bytes("{\"category\": [{\"text\": \"a\"}, null]}"))).get()
                .satisfies(problem -> assertThat(problem.status()).isEqualTo(422));
        assertThat(StrictJson.problemIn(bytes("{\"category\": [null]}"))).as("no primitive beside it").isPresent();
        assertThat(StrictJson.problemIn(bytes("{\"given\": [\"Anne\", null], \"_given\": [null, {\"id\": \"x\"}]}")))
                .as("aligned primitive lists").isEmpty();
    }

    @Test
    void refusesANameTwiceInAnObjectAtTheElement() {
        assertThat(StrictJson.problemIn(bytes("{\"entry\": [{\"resource\": {\"id\": \"a\", \"id\": \"b\"}}]}")))
                .get().satisfies(problem -> {
                    assertThat(problem.status()).isEqualTo(422);
                    assertThat(problem.issue().expression()).isEqualTo("Bundle.entry[0].resource.id");
                });
    }

    @Test
    void refusesAnEscapedControlCharacterAtTheElementButNotTabsOrNewLines() {
        assertThat(StrictJson.problemIn(bytes("{\"entry\": [{\"code\": \"H\\u0000H\"}]}"))).get()
                .satisfies(problem -> {
                    assertThat(problem.status()).isEqualTo(422);
                    assertThat(problem.issue().expression()).isEqualTo("Bundle.entry[0].code");
                    assertThat(problem.issue().diagnostics()).contains("U+0000");
                });
        assertThat(StrictJson.problemIn(bytes("{\"text\": \"line\\nnext\\tcolumn \\\\u0000 is text\"}"))).isEmpty();
    }
}
