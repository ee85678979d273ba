package fr.contact.eds.catalog.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
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
 * The official DCAT-AP 3.0.0 SHACL shapes (SEMIC, unmodified, in {@code src/test/resources/dcat-ap-3.0.0}): the
 * mandatory and recommended property shapes, the range shapes, the controlled-vocabulary shapes and the deprecated
 * IRIs, run by Apache Jena SHACL over what the catalogue publishes.
 */
public final class DcatApShapes {

    private static final List<String> FILES = List.of("shapes.ttl", "shapes_recommended.ttl", "range.ttl",
            "mdr-vocabularies.shape.ttl", "deprecateduris.ttl");
    private static final Shapes SHAPES = load();

    private DcatApShapes() {}

    /** Every result of the given severity, one line each (focus node, path, message), for a readable failure. */
    public static List<String> results(String rdf, Lang lang, Severity severity) {
        Graph data = RDFParser.fromString(rdf, lang).toGraph();
        return ShaclValidator.get().validate(SHAPES, data).getEntries().stream()
                .filter(entry -> entry.severity().equals(severity)).map(DcatApShapes::line).toList();
    }

    private static String line(ReportEntry entry) {
        return entry.focusNode() + " " + entry.resultPath() + ": " + entry.message();
    }

    private static Shapes load() {
        Model shapes = ModelFactory.createDefaultModel();
        for (String file : FILES) {
            try (InputStream in = DcatApShapes.class.getResourceAsStream("/dcat-ap-3.0.0/" + file)) {
                RDFDataMgr.read(shapes, in, Lang.TURTLE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Shapes.parse(shapes.getGraph());
    }
}
