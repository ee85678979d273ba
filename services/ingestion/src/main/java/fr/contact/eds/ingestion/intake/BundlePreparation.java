package fr.contact.eds.ingestion.intake;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import fr.contact.eds.ingestion.config.IngestionConfig;
import fr.contact.eds.ingestion.fhir.BundleMapper;
import fr.contact.eds.ingestion.fhir.IntakeIssue;
import fr.contact.eds.ingestion.fhir.JsonTypes;
import fr.contact.eds.ingestion.fhir.MappedBundle;
import fr.contact.eds.ingestion.fhir.ParseProblems;
import fr.contact.eds.ingestion.fhir.StrictJson;
import fr.contact.eds.platform.security.Actor;
import fr.contact.eds.pseudonymisation.Pseudonymiser;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;

/**
 * The first step of intake: a body becomes a mapped, pseudonymised bundle with its idempotency key, or a refusal
 * naming what is wrong. Nothing is stored here, so a live post and each line of a history import are read alike.
 */
@Singleton
public class BundlePreparation {

    private final FhirContext fhir;
    /** Looked up when first used: without its secret the service still starts, and says in readiness what is missing. */
    private final Instance<Pseudonymiser> pseudonymisers;
    private final IngestionConfig config;
    private final AssociationTerritories territories;

    public BundlePreparation(FhirContext fhir, Instance<Pseudonymiser> pseudonymisers, IngestionConfig config,
            AssociationTerritories territories) {
        this.fhir = fhir;
        this.pseudonymisers = pseudonymisers;
        this.config = config;
        this.territories = territories;
    }

    /** Parses, maps and pseudonymises, without storing anything. */
    public IntakeResult prepare(Actor actor, byte[] body) {
        if (actor.association() == null || actor.association().isBlank()) {
            return IntakeResult.Refused.of(403, "forbidden", "Bundle",
                    "The token names no association: intake only accepts data sent by an association as itself");
        }
        // The same limit for a live post and for each line of a history import.
        if (body.length > config.ingestion().maxBundleBytes()) {
            return IntakeResult.Refused.of(413, "too-costly", "Bundle",
                    "The bundle is " + body.length + " bytes; the limit is " + config.ingestion().maxBundleBytes());
        }
        Optional<StrictJson.Problem> unreadable = StrictJson.problemIn(body);
        if (unreadable.isPresent()) {
            return new IntakeResult.Refused(unreadable.get().status(), List.of(unreadable.get().issue()));
        }
        Optional<IntakeIssue> mistyped = new JsonTypes(fhir).problemIn(body);
        if (mistyped.isPresent()) {
            return new IntakeResult.Refused(422, List.of(mistyped.get()));
        }
        String json = new String(body, StandardCharsets.UTF_8);
        IBaseResource resource;
        ParseProblems parsing = new ParseProblems();
        try {
            resource = fhir.newJsonParser().setParserErrorHandler(parsing).parseResource(json);
        } catch (DataFormatException e) {
            return new IntakeResult.Refused(400, List.of(ParseProblems.unreadable(e)));
        } catch (IllegalArgumentException e) {
            return new IntakeResult.Refused(422, List.of(ParseProblems.unknownCode(e)));
        } catch (RuntimeException e) {
            // The parser fails on some malformed shapes (an extension list holding a null) instead of reporting them.
            return new IntakeResult.Refused(400, List.of(ParseProblems.unparseable()));
        }
        if (!(resource instanceof Bundle bundle)) {
            return IntakeResult.Refused.of(400, "invalid", "resourceType",
                    "Expected a Bundle, got " + resource.fhirType());
        }
        List<IntakeIssue> parserFindings = parsing.issuesIn(body);
        if (!parserFindings.isEmpty()) {
            return new IntakeResult.Refused(422, parserFindings);
        }
        Optional<IntakeIssue> otherAssociation = AssociationClaims.otherThan(actor.association(), bundle);
        if (otherAssociation.isPresent()) {
            return new IntakeResult.Refused(403, List.of(otherAssociation.get()));
        }
        MappedBundle mapped = new BundleMapper(pseudonymisers.get(), actor.association(),
                territories.of(actor.association())).map(bundle);
        if (mapped.rejected()) {
            return new IntakeResult.Refused(422, mapped.issues());
        }
        return new IntakeResult.Prepared(actor, bundleKey(actor, bundle, body), mapped);
    }

    private String bundleKey(Actor actor, Bundle bundle, byte[] body) {
        String source = bundle.getIdentifier().hasValue()
                ? "id|" + bundle.getIdentifier().getSystem() + "|" + bundle.getIdentifier().getValue()
                : "sha256|" + sha256(body);
        return pseudonymisers.get().keyedIdentifier("bundle", actor.association() + "|" + source);
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
