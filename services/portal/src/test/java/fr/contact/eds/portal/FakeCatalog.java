package fr.contact.eds.portal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The catalog's public API as the portal reads it, served from fixed answers on a real HTTP port: the portal's REST
 * client, JSON reading and error handling run for real. {@link #down} makes it answer 500 to everything.
 */
public class FakeCatalog implements QuarkusTestResourceLifecycleManager {

    public static volatile boolean down;

    static final String PROJECTS = """
            [{"projectId": "p-grippe", "title": "Grippe et visites de nuit", "organisation": "Inserm U1136",
              "laySummary": "La grippe fait-elle venir le médecin la nuit ?", "recipients": ["Inserm U1136", "Santé publique France"],
              "purpose": "Mesurer l'effet des épidémies de grippe sur les visites à domicile de nuit.",
              "legalFramework": "MR-004", "datasets": ["episodes"], "variables": ["person.sex", "visit.date"],
              "dataFrom": "2024-01-01", "dataTo": "2025-12-31", "projectEnd": "2027-06-30", "state": "ACTIVE",
              "decidedAt": "2026-03-12T10:00:00Z", "activatedAt": "2026-03-20T10:00:00Z",
              "permitValidUntil": "2027-06-30", "publicationPlan": "Article en accès ouvert", "resultsSummary": null,
              "someFieldAddedLater": 1},
             {"projectId": "p-asthme", "title": "Asthme de l'enfant", "organisation": "CHU de Lille",
              "purpose": "Décrire les crises d'asthme vues en garde.", "legalFramework": "Autorisation CNIL",
              "datasets": ["episodes", "observations"], "variables": ["person.yearOfBirth"],
              "dataFrom": "2023-01-01", "dataTo": "2024-12-31", "projectEnd": "2025-12-31", "state": "CLOSED",
              "decidedAt": "2025-02-01T10:00:00Z", "closedAt": "2025-12-31T10:00:00Z",
              "resultsSummary": "Les crises culminent en octobre."}]
            """;

    static final String DATASETS = """
            [{"datasetId": "episodes", "title": "Épisodes de soins non programmés", "description": "Appels, visites, consultations.",
              "publisher": "CONTACT EDS", "codingSystems": ["http://loinc.org", "http://hl7.org/fhir/sid/icpc-2"],
              "accessRights": "http://publications.europa.eu/resource/authority/access-right/RESTRICTED",
              "legalBasis": "Intérêt public (RGPD art. 9.2.j)", "purpose": "Recherche et surveillance",
              "retention": "20 ans", "lastReviewed": "2026-01-15", "numberOfRecords": 123456,
              "numberOfUniqueIndividuals": 65432, "temporalStart": "2020-01-01", "temporalEnd": "2026-11-30",
              "reviewOverdue": true}]
            """;

    static final String TURTLE = "@prefix dcat: <http://www.w3.org/ns/dcat#> .\n<urn:x> a dcat:Catalog .\n";

    @Override
    public Map<String, String> start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/public/", FakeCatalog::answer);
            server.start();
            return Map.of("quarkus.rest-client.catalog.url", "http://127.0.0.1:" + server.getAddress().getPort());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        // The server's threads are daemons: they end with the test JVM.
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = String.valueOf(exchange.getRequestURI().getQuery());
        String accept = String.valueOf(exchange.getRequestHeaders().getFirst("Accept"));
        if (down) {
            send(exchange, 500, "application/json", "{\"title\": \"boom\"}");
        } else if (path.equals("/public/projects")) {
            send(exchange, 200, "application/json", PROJECTS);
        } else if (path.equals("/public/projects/p-grippe")) {
            send(exchange, 200, "application/json", PROJECTS.substring(PROJECTS.indexOf('{'),
                    PROJECTS.indexOf("},") + 1));
        } else if (path.startsWith("/public/projects/")) {
            send(exchange, 404, "application/problem+json", "{\"status\": 404, \"detail\": \"No project\"}");
        } else if (path.equals("/public/datasets")) {
            if (accept.contains("turtle")) {
                send(exchange, 200, "text/turtle", TURTLE);
            } else if (accept.contains("ld+json")) {
                send(exchange, 200, "application/ld+json", "{\"@graph\": []}");
            } else {
                send(exchange, 200, "application/json", DATASETS);
            }
        } else if (path.equals("/public/statistics")) {
            send(exchange, 200, "application/json", statistics(query));
        } else {
            send(exchange, 404, "application/problem+json", "{\"status\": 404}");
        }
    }

    /** Two shown months and one suppressed; one row per other dimension, one of them a formula-looking label. */
    private static String statistics(String query) {
        String dimension = query.replaceAll(".*groupBy=([A-Za-z]+).*", "$1");
        String cells = switch (dimension) {
            case "month" -> """
                    {"keys": {"month": "2026-01"}, "count": 1200}, {"keys": {"month": "2026-02"}, "count": "<11"},
                    {"keys": {"month": "2026-03"}, "count": 300}""";
            case "modality" ->
                """
                        {"keys": {"modality": "home-visit"}, "count": 900}, {"keys": {"modality": "=cmd()"}, "count": 600}""";
            default -> "{\"keys\": {\"" + dimension + "\": \"75\"}, \"count\": 1500}";
        };
        return "{\"from\": \"2025-12-01T00:00:00Z\", \"to\": \"2026-12-01T00:00:00Z\", \"groupBy\": [\"" + dimension
                + "\"], \"cells\": [" + cells + "], \"suppressedCells\": 1}";
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + ";charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
