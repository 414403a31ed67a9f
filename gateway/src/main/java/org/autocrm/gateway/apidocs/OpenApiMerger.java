package org.autocrm.gateway.apidocs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.autocrm.gateway.edge.EdgeAnswers;

/**
 * Merges OpenAPI documents into one, as JSON trees so nothing a service wrote is lost in translation.
 * Paths and operations are united (an operation is taken only if {@code routedTo} says the gateway
 * sends it to that source); components of the same name but different content are renamed
 * {@code <source>.<name>} with their references, and components nothing refers to any more are dropped; tags are
 * united by name (the first source's description wins); servers become the gateway itself ({@code /}),
 * so "Try it out" goes through the gateway and no internal address is published. The document says which sources
 * it holds and under which license the API is published. Every operation also documents
 * what the gateway's edge answers in front of it ({@link EdgeAnswers}): any request's refusals, and for one routed
 * to a service what the routing adds (not signed in, a body that is not JSON, the service unreachable, failing or
 * slow), each as the {@value #PROBLEM} every AutoCRM document defines (the service kit's).
 */
final class OpenApiMerger {

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    private final JsonNodeFactory json = JsonNodeFactory.instance;

    /** @param routedTo (source, "METHOD /path/{template}") → does the gateway send this operation to that source */
    ObjectNode merge(String title, List<ApiDocument> sources, BiPredicate<String, String> routedTo) {
        ObjectNode merged = json.objectNode();
        merged.put("openapi", sources.stream().filter(ApiDocument::present)
                .map(source -> source.document().path("openapi").asText("3.0.1")).findFirst().orElse("3.0.1"));
        ObjectNode info = merged.putObject("info");
        info.put("title", title);
        info.put("version", "v1");
        info.put("description", description(sources));
        // the license the event contract (ticket-events' AsyncAPI document) is published under
        info.putObject("license").put("name", "Apache 2.0").put("url", "https://www.apache.org/licenses/LICENSE-2.0");
        merged.putArray("servers").addObject().put("url", "/").put("description", "the AutoCRM gateway");
        ArrayNode tags = merged.putArray("tags");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        Set<String> tagNames = new HashSet<>();
        // the first document that has one keeps its name; every AutoCRM document has the service kit's
        boolean problemSchema = sources.stream().anyMatch(source -> source.present()
                && source.document().path("components").path("schemas").has(PROBLEM));
        for (ApiDocument source : sources) {
            if (!source.present()) {
                continue;
            }
            ObjectNode document = source.document().deepCopy();
            renameClashingComponents(source.source(), document, components);
            mergeComponents(document.path("components"), components);
            mergePaths(source.source(), document.path("paths"), paths, routedTo, problemSchema);
            for (JsonNode tag : document.path("tags")) {
                if (tagNames.add(tag.path("name").asText())) {
                    tags.add(tag);
                }
            }
            if (!merged.has("security") && document.has("security")) {
                merged.set("security", document.get("security"));
            }
        }
        dropUnreferencedComponents(merged);
        return merged;
    }

    private String description(List<ApiDocument> sources) {
        List<String> included = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (ApiDocument source : sources) {
            if (source.present()) {
                included.add(source.source());
            } else {
                missing.add(source.source() + " (" + source.missingBecause() + ")");
            }
        }
        String description = "The AutoCRM API as the gateway serves it, merged from: " + String.join(", ", included) + ".";
        if (!missing.isEmpty()) {
            description += " Left out because their documents could not be fetched right now: "
                    + String.join(", ", missing) + ".";
        }
        return description;
    }

    private void renameClashingComponents(String source, ObjectNode document, ObjectNode merged) {
        Map<String, String> renamedRefs = new HashMap<>();
        JsonNode components = document.path("components");
        for (Iterator<String> kinds = components.fieldNames(); kinds.hasNext(); ) {
            String kind = kinds.next();
            JsonNode ofKind = components.get(kind);
            JsonNode existing = merged.path(kind);
            if (!ofKind.isObject()) {
                continue;
            }
            List<String> clashing = new ArrayList<>();
            ofKind.fieldNames().forEachRemaining(name -> {
                if (existing.has(name) && !existing.get(name).equals(ofKind.get(name))) {
                    clashing.add(name);
                }
            });
            for (String name : clashing) {
                String renamed = source + "." + name;
                ((ObjectNode) ofKind).set(renamed, ((ObjectNode) ofKind).remove(name));
                renamedRefs.put("#/components/" + kind + "/" + name, "#/components/" + kind + "/" + renamed);
            }
        }
        if (!renamedRefs.isEmpty()) {
            rewriteRefs(document, renamedRefs);
        }
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renamed) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && renamed.containsKey(ref.asText())) {
                object.set("$ref", TextNode.valueOf(renamed.get(ref.asText())));
            }
            object.elements().forEachRemaining(child -> rewriteRefs(child, renamed));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> rewriteRefs(child, renamed));
        }
    }

    /**
     * Drops the components nothing in the document refers to any more, directly or through other components: those
     * of operations a service documents but the gateway routes elsewhere. Security schemes are named, not referenced,
     * and always kept.
     */
    private static void dropUnreferencedComponents(ObjectNode document) {
        JsonNode components = document.path("components");
        if (!components.isObject()) {
            return;
        }
        Set<String> referenced = new HashSet<>();
        List<JsonNode> toVisit = new ArrayList<>();
        document.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("components")) {
                toVisit.add(field.getValue());
            }
        });
        while (!toVisit.isEmpty()) {
            JsonNode node = toVisit.remove(toVisit.size() - 1);
            for (String ref : refsIn(node)) {
                if (referenced.add(ref) && ref.startsWith("#/components/")) {
                    String[] parts = ref.substring("#/components/".length()).split("/", 2);
                    JsonNode target = parts.length == 2 ? components.path(parts[0]).path(unescape(parts[1])) : null;
                    if (target != null && !target.isMissingNode()) {
                        toVisit.add(target);
                    }
                }
            }
        }
        components.fields().forEachRemaining(kind -> {
            if (kind.getKey().equals("securitySchemes") || !kind.getValue().isObject()) {
                return;
            }
            List<String> unused = new ArrayList<>();
            kind.getValue().fieldNames().forEachRemaining(name -> {
                if (!referenced.contains("#/components/" + kind.getKey() + "/" + escape(name))) {
                    unused.add(name);
                }
            });
            unused.forEach(((ObjectNode) kind.getValue())::remove);
        });
    }

    private static List<String> refsIn(JsonNode node) {
        List<String> refs = new ArrayList<>();
        List<JsonNode> stack = new ArrayList<>(List.of(node));
        while (!stack.isEmpty()) {
            JsonNode current = stack.remove(stack.size() - 1);
            if (current.isObject() && current.path("$ref").isTextual()) {
                refs.add(current.get("$ref").asText());
            }
            current.elements().forEachRemaining(stack::add);
        }
        return refs;
    }

    /** A component name as a JSON pointer segment holds it ({@code ~} and {@code /} escaped), and back. */
    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static String unescape(String segment) {
        return segment.replace("~1", "/").replace("~0", "~");
    }

    private static void mergeComponents(JsonNode from, ObjectNode into) {
        from.fields().forEachRemaining(kind -> {
            if (!kind.getValue().isObject()) {
                return;
            }
            ObjectNode target = into.has(kind.getKey()) ? (ObjectNode) into.get(kind.getKey()) : into.putObject(kind.getKey());
            kind.getValue().fields().forEachRemaining(component -> {
                if (!target.has(component.getKey())) {
                    target.set(component.getKey(), component.getValue());
                }
            });
        });
    }

    private static void mergePaths(String source, JsonNode from, ObjectNode into, BiPredicate<String, String> routedTo,
            boolean problemSchema) {
        from.fields().forEachRemaining(path -> {
            ObjectNode item = (ObjectNode) path.getValue();
            ObjectNode target = null;
            for (Iterator<Map.Entry<String, JsonNode>> fields = item.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String key = field.getKey();
                if (!METHODS.contains(key)) {
                    continue;
                }
                if (!routedTo.test(source, key.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey())) {
                    continue;
                }
                if (target == null) {
                    target = into.has(path.getKey()) ? (ObjectNode) into.get(path.getKey()) : into.putObject(path.getKey());
                }
                if (!target.has(key)) {
                    ObjectNode operation = (ObjectNode) field.getValue();
                    target.set(key, operation);
                    edgeAnswers(operation, EdgeAnswers.EVERY_REQUEST, problemSchema);
                    if (!RouteOwnership.GATEWAY.equals(source)) {
                        edgeAnswers(operation, EdgeAnswers.ROUTED, problemSchema);
                    }
                }
            }
            if (target != null) {
                for (Iterator<Map.Entry<String, JsonNode>> fields = item.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (!METHODS.contains(field.getKey()) && !target.has(field.getKey())) {
                        target.set(field.getKey(), field.getValue());
                    }
                }
            }
        });
    }

    /** Adds each answer the operation does not document itself, as a problem. */
    private static void edgeAnswers(ObjectNode operation, List<EdgeAnswers.Answer> answers, boolean problemSchema) {
        ObjectNode responses = operation.has("responses") ? (ObjectNode) operation.get("responses")
                : operation.putObject("responses");
        for (EdgeAnswers.Answer answer : answers) {
            String status = Integer.toString(answer.status());
            if (responses.has(status)) {
                continue;
            }
            ObjectNode response = responses.putObject(status);
            response.put("description", answer.description());
            if (answer.retryAfter()) {
                ObjectNode header = response.putObject("headers").putObject("Retry-After");
                header.put("description", "Seconds to wait before trying again");
                header.putObject("schema").put("type", "integer").put("minimum", 1);
            }
            ObjectNode problem = response.putObject("content").putObject(PROBLEM_JSON);
            if (problemSchema) {
                problem.putObject("schema").put("$ref", "#/components/schemas/" + PROBLEM);
            }
        }
        // in the order of their statuses, so a reader finds the success first and the refusals after it
        List<Map.Entry<String, JsonNode>> sorted = new ArrayList<>();
        responses.fields().forEachRemaining(sorted::add);
        sorted.sort(Map.Entry.comparingByKey(java.util.Comparator.comparing((String status) -> status.equals("default"))
                .thenComparing(java.util.Comparator.naturalOrder())));
        responses.removeAll();
        sorted.forEach(entry -> responses.set(entry.getKey(), entry.getValue()));
    }
}
