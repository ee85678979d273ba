package fr.contact.eds.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Mutations of a valid JSON body, the way real senders get it wrong: an element dropped, nulled, emptied, of another
 * JSON type, an operator object where a string belongs, out-of-range dates and numbers, control characters, very long
 * texts, and bytes cut or garbled. Each is reproducible from its seed, which failures print.
 */
public final class JsonMutations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String valid;
    private final JsonNode tree;

    public JsonMutations(String valid) {
        this.valid = valid;
        try {
            this.tree = JSON.readTree(valid);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: the seed of mutations must be valid", e);
        }
    }

    /** One mutated body, always the same for the same seed. */
    public byte[] mutate(long seed) {
        Random random = new Random(seed);
        if (random.nextInt(10) == 0) {
            return garbled(random);
        }
        JsonNode copy = tree.deepCopy();
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            List<Slot> slots = new ArrayList<>();
            collect(copy, slots);
            if (slots.isEmpty()) {
                // Everything removed already (a small body): what is left can still gain a name nobody expects.
                if (copy instanceof ObjectNode object) {
                    JsonNode value = value(random);
                    object.set("unexpected", value == null ? NODES.nullNode() : value);
                }
                continue;
            }
            slots.get(random.nextInt(slots.size())).replace(random, value(random));
        }
        return copy.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] garbled(Random random) {
        byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
        return switch (random.nextInt(3)) {
            case 0 -> java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
            case 1 -> {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                yield bytes;
            }
            default -> valid.replace('"', '\'').getBytes(StandardCharsets.UTF_8);
        };
    }

    private static JsonNode value(Random random) {
        List<Supplier<JsonNode>> values = List.of(
                () -> null, // remove
                NODES::nullNode,
                NODES::objectNode,
                NODES::arrayNode,
                () -> NODES.textNode(""),
                () -> NODES.objectNode().put("$gt", ""),
                () -> NODES.numberNode(random.nextLong()),
                () -> NODES.numberNode(1e308 * 10),
                () -> NODES.booleanNode(random.nextBoolean()),
                () -> NODES.textNode("+999999999-12-31"),
                () -> NODES.textNode("0000-00-00"),
                () -> NODES.textNode("2026-13-45T25:61:00Z"),
                () -> NODES.textNode("H\u0000H"),
                () -> NODES.textNode("\u001b[31m"),
                () -> NODES.textNode("x".repeat(1 + random.nextInt(100_000))),
                () -> NODES.textNode("😷" + "é".repeat(random.nextInt(50))),
                () -> NODES.textNode("urn:uuid:" + new java.util.UUID(random.nextLong(), random.nextLong())),
                () -> NODES.textNode("Patient/" + random.nextInt(5)),
                () -> NODES.arrayNode().add(NODES.nullNode()));
        return values.get(random.nextInt(values.size())).get();
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                slots.add(new Slot(object, name, -1));
                collect(object.get(name), slots);
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(array, null, i));
                collect(array.get(i), slots);
            }
        }
    }

    private record Slot(JsonNode parent, String name, int index) {

        void replace(Random random, JsonNode value) {
            if (parent instanceof ObjectNode object) {
                if (value == null) {
                    object.remove(name);
                } else {
                    object.set(name, value);
                }
            } else if (parent instanceof ArrayNode array && index < array.size()) {
                if (value == null) {
                    array.remove(index);
                } else if (random.nextBoolean()) {
                    array.set(index, value);
                } else {
                    array.add(array.get(index).deepCopy()); // the same entry twice
                }
            }
        }
    }
}
