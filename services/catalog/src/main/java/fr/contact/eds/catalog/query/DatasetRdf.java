package fr.contact.eds.catalog.query;

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
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.util.ModelBuilder;
import org.eclipse.rdf4j.model.vocabulary.DCAT;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.XSD;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;

/**
 * Datasets as HealthDCAT-AP RDF (DCAT-AP with the health extension and DPV): the graph is built with RDF4J, written
 * as Turtle by RDF4J and as JSON-LD by Titanium (compacted with the catalogue's prefixes).
 */
public final class DatasetRdf {

    static final String HEALTH = "http://healthdataportal.eu/ns/health#";
    static final String DPV = "https://w3id.org/dpv#";
    static final String BASE = "https://contact-eds.fr/catalog/datasets/";

    private DatasetRdf() {}

    public static String turtle(List<Dataset> datasets) {
        StringWriter out = new StringWriter();
        Rio.write(model(datasets), out, RDFFormat.TURTLE);
        return out.toString();
    }

    public static String jsonLd(List<Dataset> datasets) {
        RdfDataset dataset = Rdf.createDataset();
        for (Statement st : model(datasets)) {
            dataset.add(Rdf.createNQuad(resource(st.getSubject()), Rdf.createIRI(st.getPredicate().stringValue()),
                    value(st.getObject()), null));
        }
        JsonObjectBuilder context = Json.createObjectBuilder().add("dcat", DCAT.NAMESPACE).add("dct", DCTERMS.NAMESPACE)
                .add("foaf", FOAF.NAMESPACE).add("healthdcatap", HEALTH).add("dpv", DPV).add("xsd", XSD.NAMESPACE);
        try {
            JsonArray expanded = JsonLd.fromRdf(RdfDocument.of(dataset)).get();
            return JsonLd.compact(JsonDocument.of(expanded),
                    JsonDocument.of(Json.createObjectBuilder().add("@context", context).build())).get().toString();
        } catch (JsonLdError e) {
            throw new IllegalStateException("Cannot write the catalogue as JSON-LD: " + e.getMessage(), e);
        }
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

    private static Model model(List<Dataset> datasets) {
        ValueFactory values = SimpleValueFactory.getInstance();
        ModelBuilder builder = new ModelBuilder().setNamespace(DCAT.NS).setNamespace(DCTERMS.NS)
                .setNamespace(FOAF.NS).setNamespace("healthdcatap", HEALTH).setNamespace("dpv", DPV)
                .setNamespace(XSD.NS);
        for (Dataset d : datasets) {
            IRI dataset = values.createIRI(BASE + d.datasetId());
            BNode publisher = values.createBNode();
            builder.subject(dataset).add(RDF.TYPE, DCAT.DATASET).add(DCTERMS.IDENTIFIER, d.datasetId())
                    .add(DCTERMS.TITLE, values.createLiteral(d.title(), "en"))
                    .add(DCTERMS.DESCRIPTION, values.createLiteral(d.description(), "en"))
                    .add(DCTERMS.PUBLISHER, publisher).add(DCTERMS.SPATIAL, d.spatialCoverage())
                    .add(DCTERMS.ACCESS_RIGHTS, d.accessRights())
                    .add(values.createIRI(DPV, "hasLegalBasis"), d.legalBasis())
                    .add(values.createIRI(DPV, "hasPurpose"), d.purpose())
                    .add(values.createIRI(HEALTH, "retentionPeriod"), d.retention());
            d.themes().forEach(t -> builder.add(DCAT.THEME, values.createIRI(t)));
            d.codingSystems().forEach(c -> builder.add(values.createIRI(HEALTH, "hasCodingSystem"), c));
            if (d.numberOfRecords() != null) {
                builder.add(values.createIRI(HEALTH, "numberOfRecords"), values.createLiteral(d.numberOfRecords()));
                builder.add(values.createIRI(HEALTH, "numberOfUniqueIndividuals"),
                        values.createLiteral(d.numberOfUniqueIndividuals()));
            }
            if (d.lastReviewed() != null) {
                builder.add(DCTERMS.MODIFIED, values.createLiteral(d.lastReviewed().toString(), XSD.DATE));
            }
            if (d.temporalStart() != null) {
                BNode period = values.createBNode();
                builder.add(DCTERMS.TEMPORAL, period);
                builder.subject(period).add(RDF.TYPE, DCTERMS.PERIOD_OF_TIME)
                        .add(DCAT.START_DATE, values.createLiteral(d.temporalStart().toString(), XSD.DATE))
                        .add(DCAT.END_DATE, values.createLiteral(d.temporalEnd().toString(), XSD.DATE));
            }
            builder.subject(publisher).add(RDF.TYPE, FOAF.AGENT).add(FOAF.NAME, d.publisher());
        }
        return builder.build();
    }
}
