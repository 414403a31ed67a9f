package org.autocrm.deploy.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The document walker: the merged OpenAPI document read into the operations a client can call, with their
 * parameters, request bodies and documented responses, every {@code $ref} to {@code #/components/...} resolved
 * on the way (schemas inside stay references: {@link #resolve} follows them when needed).
 */
final class ApiDocument {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    /** A parameter: where it goes ({@code path}, {@code query}, {@code header}, {@code cookie}), and its schema. */
    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /** A documented response: per media type its schema (a missing schema is an empty object: anything goes). */
    record Response(String status, Map<String, JsonNode> content) {
    }

    /** One operation: {@code method} in upper case, the path template, its parameters, body and responses. */
    record Operation(String method, String path, String operationId, List<Parameter> parameters,
                     Map<String, JsonNode> requestBody, boolean bodyRequired, Map<String, Response> responses) {

        String key() {
            return method + " " + path;
        }

        List<Parameter> in(String location) {
            return parameters.stream().filter(p -> p.in().equals(location)).toList();
        }

        /** The response documented for a status: exact, then a range like {@code 4XX}, then {@code default}. */
        Optional<Response> responseFor(int status) {
            Response exact = responses.get(Integer.toString(status));
            if (exact != null) {
                return Optional.of(exact);
            }
            Response range = responses.get((status / 100) + "XX");
            if (range == null) {
                range = responses.get((status / 100) + "xx");
            }
            return Optional.ofNullable(range != null ? range : responses.get("default"));
        }

        boolean changesState() {
            return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
        }
    }

    private final JsonNode root;
    private final List<Operation> operations;

    ApiDocument(JsonNode root) {
        this.root = root;
        this.operations = List.copyOf(walk());
    }

    JsonNode root() {
        return root;
    }

    List<Operation> operations() {
        return operations;
    }

    /** The components every schema's {@code $ref} points into. */
    JsonNode components() {
        return root.path("components");
    }

    /** A node with its {@code $ref} (to this document) followed, repeatedly; other nodes as they are. */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current != null && current.has("$ref") && hops < 20; hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                return JsonNodeFactory.instance.objectNode();
            }
            current = root.at(ref.substring(1));
            if (current.isMissingNode()) {
                return JsonNodeFactory.instance.objectNode();
            }
        }
        return current;
    }

    private List<Operation> walk() {
        List<Operation> found = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode item = resolve(path.getValue());
            for (String method : METHODS) {
                JsonNode operation = item.get(method);
                if (operation != null) {
                    found.add(operation(method.toUpperCase(Locale.ROOT), path.getKey(), item, operation));
                }
            }
        }
        return found;
    }

    private Operation operation(String method, String path, JsonNode item, JsonNode operation) {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        for (JsonNode source : List.of(item.path("parameters"), operation.path("parameters"))) {
            for (JsonNode raw : source) {
                JsonNode parameter = resolve(raw);
                String in = parameter.path("in").asText();
                JsonNode schema = parameter.has("schema") ? parameter.get("schema")
                        : firstSchema(parameter.path("content")).orElse(JsonNodeFactory.instance.objectNode());
                parameters.put(in + ":" + parameter.path("name").asText(), new Parameter(parameter.path("name").asText(),
                        in, parameter.path("required").asBoolean(in.equals("path")), schema));
            }
        }
        JsonNode body = resolve(operation.path("requestBody"));
        Map<String, JsonNode> requestBody = content(body.path("content"));
        Map<String, Response> responses = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = operation.path("responses").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> response = it.next();
            responses.put(response.getKey(), new Response(response.getKey(), content(resolve(response.getValue()).path("content"))));
        }
        return new Operation(method, path, operation.path("operationId").asText(method + " " + path),
                List.copyOf(parameters.values()), requestBody, body.path("required").asBoolean(false), responses);
    }

    private static Map<String, JsonNode> content(JsonNode content) {
        Map<String, JsonNode> byMediaType = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = content.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> media = it.next();
            JsonNode schema = media.getValue().get("schema");
            byMediaType.put(media.getKey(), schema == null ? JsonNodeFactory.instance.objectNode() : schema);
        }
        return byMediaType;
    }

    private static Optional<JsonNode> firstSchema(JsonNode content) {
        for (JsonNode media : content) {
            if (media.has("schema")) {
                return Optional.of(media.get("schema"));
            }
        }
        return Optional.empty();
    }

    /** A schema with the document's components beside it, so that {@code #/components/...} references resolve. */
    ObjectNode standalone(JsonNode schema) {
        ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
        wrapper.set("components", components());
        wrapper.putArray("allOf").add(schema);
        return wrapper;
    }
}
