package fr.contact.eds.catalog.datasets;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.document.RdfDocument;
import com.apicatalog.rdf.Rdf;
import com.apicatalog.rdf.RdfDataset;
import com.apicatalog.rdf.RdfResource;
import com.apicatalog.rdf.RdfValue;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObjectBuilder;
import java.io.StringWriter;
import java.util.List;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;

/**
 * The catalogue as HealthDCAT-AP RDF (DCAT-AP 3 with the health extension and DPV): the graph is built with RDF4J,
 * written as Turtle and RDF/XML by RDF4J and as JSON-LD by Titanium (compacted with the catalogue's prefixes).
 */
public final class DatasetRdf {

    private final String contactEmail;

    /** {@code contactEmail}: the data office's mailbox, the contact point of every dataset. */
    public DatasetRdf(String contactEmail) {
        this.contactEmail = contactEmail;
    }

    public String turtle(List<Dataset> datasets) {
        return written(datasets, RDFFormat.TURTLE);
    }

    public String rdfXml(List<Dataset> datasets) {
        return written(datasets, RDFFormat.RDFXML);
    }

    public String jsonLd(List<Dataset> datasets) {
        Model model = DcatGraph.of(datasets, contactEmail);
        RdfDataset dataset = Rdf.createDataset();
        for (Statement st : model) {
            dataset.add(Rdf.createNQuad(resource(st.getSubject()), Rdf.createIRI(st.getPredicate().stringValue()),
                    value(st.getObject()), null));
        }
        JsonObjectBuilder context = Json.createObjectBuilder();
        model.getNamespaces().forEach(ns -> context.add(ns.getPrefix(), ns.getName()));
        try {
            JsonArray expanded = JsonLd.fromRdf(RdfDocument.of(dataset)).get();
            return JsonLd.compact(JsonDocument.of(expanded),
                    JsonDocument.of(Json.createObjectBuilder().add("@context", context).build())).get().toString();
        } catch (JsonLdError e) {
            throw new IllegalStateException("Cannot write the catalogue as JSON-LD: " + e.getMessage(), e);
        }
    }

    private String written(List<Dataset> datasets, RDFFormat format) {
        StringWriter out = new StringWriter();
        Rio.write(DcatGraph.of(datasets, contactEmail), out, format);
        return out.toString();
    }

    private static RdfResource resource(Resource resource) {
        return resource.isBNode() ? Rdf.createBlankNode("_:" + resource.stringValue())
                : Rdf.createIRI(resource.stringValue());
    }

    private static RdfValue value(Value value) {
        if (value instanceof Literal literal) {
            return literal.getLanguage().isPresent()
                    ? Rdf.createLangString(literal.getLabel(), literal.getLanguage().get())
                    : Rdf.createTypedString(literal.getLabel(), literal.getDatatype().stringValue());
        }
        return resource((Resource) value);
    }
}
