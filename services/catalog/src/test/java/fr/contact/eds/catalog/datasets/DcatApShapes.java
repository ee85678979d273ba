package fr.contact.eds.catalog.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;

/**
 * The official shapes, unmodified, run by Apache Jena SHACL over what the catalogue publishes: DCAT-AP 3.0.0 (SEMIC:
 * mandatory and recommended property shapes, range shapes, controlled-vocabulary shapes, deprecated IRIs, in
 * {@code src/test/resources/dcat-ap-3.0.0}) and, on top of them, HealthDCAT-AP's NON_PUBLIC shapes (DG SANTE, in
 * {@code src/test/resources/healthdcat-ap-r5}), which import DCAT-AP's.
 */
public final class DcatApShapes {

    private static final List<String> DCAT_AP = Stream.of("shapes.ttl", "shapes_recommended.ttl", "range.ttl",
            "mdr-vocabularies.shape.ttl", "deprecateduris.ttl").map(file -> "/dcat-ap-3.0.0/" + file).toList();
    private static final Shapes DCAT_AP_SHAPES = load(DCAT_AP);
    private static final Shapes HEALTH_NON_PUBLIC_SHAPES = load(Stream.concat(DCAT_AP.stream(),
            Stream.of("/healthdcat-ap-r5/shapes-non-public.ttl")).toList());

    private DcatApShapes() {}

    /** Every DCAT-AP result of the given severity, one line each (focus node, path, message). */
    public static List<String> results(String rdf, Lang lang, Severity severity) {
        return results(DCAT_AP_SHAPES, rdf, lang, severity);
    }

    /** Every result of the given severity under HealthDCAT-AP's NON_PUBLIC profile (DCAT-AP's shapes included). */
    public static List<String> healthNonPublicResults(String rdf, Lang lang, Severity severity) {
        return results(HEALTH_NON_PUBLIC_SHAPES, rdf, lang, severity);
    }

    private static List<String> results(Shapes shapes, String rdf, Lang lang, Severity severity) {
        Graph data = RDFParser.fromString(rdf, lang).toGraph();
        return ShaclValidator.get().validate(shapes, data).getEntries().stream()
                .filter(entry -> entry.severity().equals(severity)).map(DcatApShapes::line).toList();
    }

    private static String line(ReportEntry entry) {
        return entry.focusNode() + " " + entry.resultPath() + ": " + entry.message();
    }

    private static Shapes load(List<String> resources) {
        Model shapes = ModelFactory.createDefaultModel();
        for (String resource : resources) {
            try (InputStream in = DcatApShapes.class.getResourceAsStream(resource)) {
                RDFDataMgr.read(shapes, in, Lang.TURTLE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Shapes.parse(shapes.getGraph());
    }
}
