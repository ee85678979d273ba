package fr.contact.eds.ingestion.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Every element of a FHIR JSON body with its FHIRPath, its name, the name of the element it sits in and its JSON
 * shape. The FHIR parser names only an element and its parent ({@code identifier.value}); this finds where in the
 * bundle that is.
 */
final class JsonElements {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code shape}: object, array, string, number, boolean or null. */
    record Element(String path, String name, String parent, String shape, String text) {}

    private JsonElements() {}

    /** The elements of a body StrictJson has already read as JSON; none when it cannot be read. */
    static List<Element> of(byte[] body) {
        List<Element> elements = new ArrayList<>();
        try {
            JsonNode root = JSON.readTree(body);
            if (root != null) {
                children(root, "Bundle", "Bundle", elements);
            }
        } catch (IOException e) {
            return List.of();
        }
        return elements;
    }

    private static void children(JsonNode object, String path, String name, List<Element> elements) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String at = path + "." + field.getKey();
            JsonNode value = field.getValue();
            elements.add(new Element(at, field.getKey(), name, shape(value), text(value)));
            if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    JsonNode item = value.get(i);
                    String itemPath = at + "[" + i + "]";
                    elements.add(new Element(itemPath, field.getKey(), name, shape(item), text(item)));
                    if (item.isObject()) {
                        children(item, itemPath, field.getKey(), elements);
                    }
                }
            } else if (value.isObject()) {
                children(value, at, field.getKey(), elements);
            }
        }
    }

    private static String shape(JsonNode value) {
        return switch (value.getNodeType()) {
            case OBJECT, POJO -> "object";
            case ARRAY -> "array";
            case STRING, BINARY -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            default -> "null";
        };
    }

    private static String text(JsonNode value) {
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }
}
