package fr.contact.eds.ingestion.fhir;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Each element's JSON type, checked against FHIR R4's own definitions before the parser sees the body: the parser
 * takes a number where a string belongs ({@code "value": 255081416802538}) and silently drops an object there, value
 * and all, so an identifier that is not a string would be read as another one, or as none.
 */
public final class JsonTypes {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> NUMBERS = Set.of("integer", "decimal", "positiveInt", "unsignedInt",
            "integer64");

    private final FhirContext fhir;

    public JsonTypes(FhirContext fhir) {
        this.fhir = fhir;
    }

    /** The first element whose JSON type its FHIR datatype does not allow, as a 422 issue at its FHIRPath. */
    public Optional<IntakeIssue> problemIn(byte[] body) {
        try {
            JsonNode root = JSON.readTree(body);
            return root != null && root.isObject() ? resource(root, "Bundle") : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // not JSON: StrictJson says so first
        }
    }

    private Optional<IntakeIssue> resource(JsonNode object, String path) {
        JsonNode type = object.get("resourceType");
        if (type == null || !type.isTextual()) {
            return Optional.empty(); // the parser refuses it as no resource
        }
        try {
            return composite(fhir.getResourceDefinition(type.asText()), object, path);
        } catch (RuntimeException unknownType) {
            return Optional.empty(); // the parser refuses it, naming the type
        }
    }

    private Optional<IntakeIssue> composite(BaseRuntimeElementCompositeDefinition<?> definition, JsonNode object,
            String path) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            BaseRuntimeChildDefinition child = definition.getChildByName(field.getKey());
            BaseRuntimeElementDefinition<?> element = child == null ? null : child.getChildByName(field.getKey());
            if (element == null) {
                continue; // resourceType, _element, or a name FHIR lets systems carry unread
            }
            String at = path + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value.isArray() && child.getMax() == 1) {
                return Optional.of(wrongType(at, expected(element), value)); // a list where one value belongs
            }
            if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    Optional<IntakeIssue> problem = element(element, value.get(i), at + "[" + i + "]");
                    if (problem.isPresent()) {
                        return problem;
                    }
                }
            } else {
                Optional<IntakeIssue> problem = element(element, value, at);
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<IntakeIssue> element(BaseRuntimeElementDefinition<?> element, JsonNode value, String path) {
        if (value.isNull()) {
            return Optional.empty(); // placement of nulls is StrictJson's
        }
        return switch (element.getChildType()) {
            case PRIMITIVE_DATATYPE, PRIMITIVE_XHTML, PRIMITIVE_XHTML_HL7ORG, ID_DATATYPE -> primitive(element, value,
                    path);
            case RESOURCE, CONTAINED_RESOURCES, CONTAINED_RESOURCE_LIST -> value.isObject() ? resource(value, path)
                    : Optional.of(wrongType(path, "object", value));
            case COMPOSITE_DATATYPE, RESOURCE_BLOCK -> value.isObject()
                    ? composite((BaseRuntimeElementCompositeDefinition<?>) element, value, path)
                    : Optional.of(wrongType(path, "object", value));
            default -> Optional.empty();
        };
    }

    /** The JSON type one value of this element takes. */
    private static String expected(BaseRuntimeElementDefinition<?> element) {
        return switch (element.getChildType()) {
            case PRIMITIVE_DATATYPE, PRIMITIVE_XHTML, PRIMITIVE_XHTML_HL7ORG, ID_DATATYPE -> "boolean".equals(
                    element.getName()) ? "boolean" : NUMBERS.contains(element.getName()) ? "number" : "string";
            default -> "object";
        };
    }

    private static Optional<IntakeIssue> primitive(BaseRuntimeElementDefinition<?> element, JsonNode value,
            String path) {
        String expected = expected(element);
        boolean fits = switch (expected) {
            case "boolean" -> value.isBoolean();
            case "number" -> value.isNumber();
            default -> value.isTextual();
        };
        return fits ? Optional.empty() : Optional.of(wrongType(path, expected, value));
    }

    private static IntakeIssue wrongType(String path, String expected, JsonNode found) {
        String leaf = path.substring(path.lastIndexOf('.') + 1).replaceAll("\\[\\d+]$", "");
        return IntakeIssue.error("structure", path, leaf + " must be a JSON " + expected + ", not "
                + found.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                        .replace("pojo", "object").replace("binary", "string"));
    }
}
