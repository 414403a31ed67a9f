package org.autocrm.deploy.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What of an OpenAPI document the generated UI types depend on, and where two documents differ in it. Prose
 * ({@code description}, {@code summary}, examples, {@code info}, {@code servers}, {@code tags}) is left out;
 * key order and the order of sets ({@code required}, {@code enum}, parameters, {@code oneOf} ...) do not count.
 */
final class ApiContract {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> PROSE = Set.of("description", "summary", "example", "examples", "externalDocs",
            "title", "operationId");
    private static final Set<String> TOP_LEVEL_PROSE = Set.of("info", "servers", "tags");
    /** Arrays whose order carries no meaning; sorted before comparing. */
    private static final Set<String> UNORDERED = Set.of("required", "enum", "parameters", "oneOf", "anyOf", "allOf",
            "security", "type");
    private static final int MAX_REPORTED = 40;

    private ApiContract() {
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not an OpenAPI document: " + e.getOriginalMessage(), e);
        }
    }

    /** The whole document with its keys sorted, so that a refreshed snapshot diffs line by line. */
    static String pretty(JsonNode document) {
        try {
            Object plain = JSON.treeToValue(document, Object.class);
            return JSON.writeValueAsString(plain) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where {@code served} differs from {@code snapshot}, as JSON pointers with both values; empty when alike. */
    static List<String> differences(JsonNode snapshot, JsonNode served) {
        List<String> found = new ArrayList<>();
        compare("", canonical(snapshot, true), canonical(served, true), found);
        if (found.size() > MAX_REPORTED) {
            int more = found.size() - MAX_REPORTED;
            found = new ArrayList<>(found.subList(0, MAX_REPORTED));
            found.add("... and " + more + " more");
        }
        return found;
    }

    static JsonNode canonical(JsonNode node, boolean topLevel) {
        if (node.isObject()) {
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            Set<String> names = new TreeSet<>();
            node.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (PROSE.contains(name) && !node.get(name).isObject() || topLevel && TOP_LEVEL_PROSE.contains(name)) {
                    continue; // a property of a schema may itself be named "description": keep objects
                }
                JsonNode value = canonical(node.get(name), false);
                if (UNORDERED.contains(name) && value.isArray()) {
                    value = sorted((ArrayNode) value);
                }
                result.set(name, value);
            }
            return result;
        }
        if (node.isArray()) {
            ArrayNode result = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> result.add(canonical(element, false)));
            return result;
        }
        return node;
    }

    private static ArrayNode sorted(ArrayNode array) {
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        elements.sort(Comparator.comparing(JsonNode::toString));
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        elements.forEach(result::add);
        return result;
    }

    private static void compare(String pointer, JsonNode expected, JsonNode actual, List<String> found) {
        if (expected.isObject() && actual.isObject()) {
            Set<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!actual.has(name)) {
                    found.add(child + ": removed (was " + abbreviated(expected.get(name)) + ")");
                } else if (!expected.has(name)) {
                    found.add(child + ": added " + abbreviated(actual.get(name)));
                } else {
                    compare(child, expected.get(name), actual.get(name), found);
                }
            }
        } else if (!expected.equals(actual)) {
            found.add(pointer + ": " + abbreviated(expected) + " -> " + abbreviated(actual));
        }
    }

    private static String abbreviated(JsonNode node) {
        String text = node.toString();
        return text.length() > 160 ? text.substring(0, 157) + "..." : text;
    }
}
