package org.autocrm.deploy.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.autocrm.deploy.contract.ApiDocument.Operation;
import org.autocrm.deploy.contract.ApiDocument.Parameter;
import org.autocrm.deploy.contract.FuzzRequest.Role;

/**
 * Builds one request for an operation and a role: a <em>valid</em> one (every required parameter and field, the
 * others half the time, values that follow their schemas, a known id in path parameters most of the time and a
 * well-formed unknown one otherwise) or an <em>invalid</em> one, which is a valid one with one hostile change
 * (see {@link #MUTATIONS}): wrong types, missing required fields, hostile values, duplicate query parameters,
 * trailing garbage after the JSON, the wrong content type, an empty body, hostile path ids.
 */
final class RequestFactory {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    /** Headers the HTTP client sets itself or refuses, and the credentials, which the runner sets. */
    private static final Set<String> RESERVED_HEADERS = Set.of("authorization", "x-api-key", "content-type",
            "content-length", "host", "connection", "expect", "upgrade", "accept", "cookie");

    static final List<String> MUTATIONS = List.of("missing required field", "wrong type in a field", "hostile field value",
            "body of the wrong JSON type", "trailing garbage after JSON", "malformed JSON", "empty body",
            "wrong content type", "deeply nested JSON", "hostile query parameter", "missing required query parameter",
            "duplicate query parameter", "unknown query parameter", "hostile path id", "hostile header",
            "multipart without boundary", "multipart part without headers", "hostile file name");

    private final ValueGenerator values;
    private final KnownIds known;

    RequestFactory(ValueGenerator values, KnownIds known) {
        this.values = values;
        this.known = known;
    }

    /** What a request is made of while it is built. */
    private static final class Draft {
        final Map<String, String> path = new LinkedHashMap<>();
        final List<Map.Entry<String, String>> query = new ArrayList<>();
        final List<Map.Entry<String, String>> headers = new ArrayList<>();
        String mediaType;
        JsonNode json;
        byte[] raw;
        String contentType;
        String fileName = "screenshot.png";
    }

    FuzzRequest create(Operation operation, Role role, boolean valid, Random random) {
        Draft draft = validDraft(operation, random);
        String mutation = null;
        if (!valid) {
            List<String> applicable = MUTATIONS.stream().filter(m -> applies(m, operation, draft)).toList();
            mutation = applicable.get(random.nextInt(applicable.size()));
            mutation = mutate(mutation, operation, draft, random);
        }
        byte[] body = body(draft);
        String contentType = draft.contentType;
        if (contentType == null && draft.mediaType != null && body != null) {
            contentType = draft.mediaType;
        }
        return new FuzzRequest(operation, role, valid, mutation, target(operation, draft), List.copyOf(draft.headers),
                body, body == null ? null : contentType);
    }

    // ---- valid ----------------------------------------------------------------------------------------

    private Draft validDraft(Operation operation, Random random) {
        Draft draft = new Draft();
        boolean changes = operation.changesState();
        String pair = operation.path().contains("/attachments/{") && random.nextInt(10) < 8
                ? known.pick("attachment", changes, random).orElse(null) : null;
        for (Parameter parameter : operation.in("path")) {
            String kind = KnownIds.kindOfPathParameter(operation.path(), parameter.name());
            String value = null;
            if (pair != null && (kind.equals("ticket") || kind.equals("attachment"))) {
                value = kind.equals("ticket") ? pair.split("/")[0] : pair.split("/")[1];
            } else if (random.nextInt(10) < 8) {
                value = known.pick(kind, changes, random).orElse(null);
                if (value != null && kind.equals("attachment")) {
                    value = value.split("/")[1];
                }
            }
            if (value == null) {
                value = values.validString(parameter.schema(), parameter.name(), random);
                if (ValueGenerator.typeOf(values.document().resolve(parameter.schema())).equals("string")
                        && !values.document().resolve(parameter.schema()).has("format")
                        && !values.document().resolve(parameter.schema()).has("enum")) {
                    value = UUID.randomUUID().toString();
                }
            }
            draft.path.put(parameter.name(), value);
        }
        for (Parameter parameter : operation.in("query")) {
            if (parameter.required() || random.nextBoolean()) {
                addQuery(draft, parameter.name(), values.valid(parameter.schema(), parameter.name(), random));
            }
        }
        for (Parameter parameter : operation.in("header")) {
            if (!RESERVED_HEADERS.contains(parameter.name().toLowerCase(Locale.ROOT))
                    && (parameter.required() || random.nextBoolean())) {
                draft.headers.add(entry(parameter.name(), asciiOnly(text(values.valid(parameter.schema(), parameter.name(), random)))));
            }
        }
        if (!operation.requestBody().isEmpty() && (operation.bodyRequired() || random.nextInt(4) > 0)) {
            draft.mediaType = operation.requestBody().containsKey("application/json") ? "application/json"
                    : operation.requestBody().keySet().iterator().next();
            draft.json = values.valid(operation.requestBody().get(draft.mediaType), null, random);
        }
        return draft;
    }

    /** A query parameter in form style, exploded: arrays repeat the name, objects give each property its own. */
    private static void addQuery(Draft draft, String name, JsonNode value) {
        if (value.isArray()) {
            value.forEach(item -> draft.query.add(entry(name, text(item))));
        } else if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                addQuery(draft, property.getKey(), property.getValue());
            }
        } else {
            draft.query.add(entry(name, text(value)));
        }
    }

    // ---- invalid --------------------------------------------------------------------------------------

    private boolean applies(String mutation, Operation operation, Draft draft) {
        boolean json = draft.json != null && draft.mediaType.contains("json");
        boolean multipart = draft.json != null && draft.mediaType.startsWith("multipart/");
        boolean object = json && draft.json.isObject() && !values.properties(operation.requestBody().get(draft.mediaType)).isEmpty();
        return switch (mutation) {
            case "missing required field" -> json && !values.required(operation.requestBody().get(draft.mediaType)).isEmpty();
            case "wrong type in a field", "hostile field value" -> object;
            case "body of the wrong JSON type", "trailing garbage after JSON", "malformed JSON", "deeply nested JSON" -> json;
            case "empty body", "wrong content type" -> draft.json != null;
            case "hostile query parameter", "duplicate query parameter" -> !operation.in("query").isEmpty();
            case "missing required query parameter" -> operation.in("query").stream().anyMatch(Parameter::required);
            case "unknown query parameter" -> true;
            case "hostile path id" -> !operation.in("path").isEmpty();
            case "hostile header" -> operation.in("header").stream()
                    .anyMatch(p -> !RESERVED_HEADERS.contains(p.name().toLowerCase(Locale.ROOT)));
            case "multipart without boundary", "multipart part without headers", "hostile file name" -> multipart;
            default -> false;
        };
    }

    /** Applies the mutation; answers its label with the detail (which field, which hostile value). */
    private String mutate(String mutation, Operation operation, Draft draft, Random random) {
        JsonNode bodySchema = draft.mediaType == null ? null : operation.requestBody().get(draft.mediaType);
        switch (mutation) {
            case "missing required field" -> {
                List<String> required = new ArrayList<>(values.required(bodySchema));
                String field = required.get(random.nextInt(required.size()));
                if (draft.json.isObject()) {
                    ((ObjectNode) draft.json).remove(field);
                } else {
                    draft.json = JSON.createObjectNode();
                }
                return mutation + " " + field;
            }
            case "wrong type in a field", "hostile field value" -> {
                List<Map.Entry<String, JsonNode>> properties = new ArrayList<>(values.properties(bodySchema).entrySet());
                Map.Entry<String, JsonNode> property = properties.get(random.nextInt(properties.size()));
                JsonNode schema = values.document().resolve(property.getValue());
                ValueGenerator.Hostile hostile = mutation.startsWith("wrong")
                        ? values.wrongType(schema.has("enum") ? "enum" : ValueGenerator.typeOf(schema), random)
                        : values.hostile(schema, random);
                ((ObjectNode) draft.json).set(property.getKey(), hostile.value());
                return mutation + " " + property.getKey() + ": " + hostile.label();
            }
            case "body of the wrong JSON type" -> {
                draft.json = ValueGenerator.typeOf(values.document().resolve(bodySchema)).equals("array")
                        ? JSON.createObjectNode().put("a", 1) : JSON.getNodeFactory().arrayNode().add("x");
                if (random.nextBoolean()) {
                    draft.raw = ValueGenerator.pick(random, "42", "\"text\"", "null", "true").getBytes(StandardCharsets.UTF_8);
                }
                return mutation;
            }
            case "trailing garbage after JSON" -> {
                draft.raw = (json(draft.json) + ValueGenerator.pick(random, "}}}", " xyz", "]", "{}", "\u0000", ",1"))
                        .getBytes(StandardCharsets.UTF_8);
                return mutation;
            }
            case "malformed JSON" -> {
                String whole = json(draft.json);
                draft.raw = ValueGenerator.pick(random, whole.substring(0, whole.length() / 2), "{'single':'quotes'}",
                        "{\"a\":1,}", "{\"a\" 1}", "\uFEFF" + whole, "{\"a\":\"\\ud800\"}", "{\"a\":NaN}",
                        "{\"a\":1}\n{\"b\":2}").getBytes(StandardCharsets.UTF_8);
                return mutation;
            }
            case "empty body" -> {
                draft.raw = new byte[0];
                draft.contentType = draft.mediaType.startsWith("multipart/") ? draft.mediaType + "; boundary=empty" : draft.mediaType;
                return mutation;
            }
            case "wrong content type" -> {
                draft.contentType = ValueGenerator.pick(random, "text/plain", "application/xml",
                        "application/x-www-form-urlencoded", "application/octet-stream", "application/json; charset=ebcdic",
                        "image/png", "nonsense");
                return mutation + " " + draft.contentType;
            }
            case "deeply nested JSON" -> {
                int depth = 2000 + random.nextInt(20_000);
                draft.raw = ("{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}").getBytes(StandardCharsets.UTF_8);
                return mutation + " (" + depth + ")";
            }
            case "hostile query parameter" -> {
                List<Parameter> query = operation.in("query");
                Parameter parameter = query.get(random.nextInt(query.size()));
                String value = random.nextBoolean() ? text(values.hostile(parameter.schema(), random).value())
                        : values.hostileText(random);
                draft.query.removeIf(e -> e.getKey().equals(parameter.name()));
                draft.query.add(entry(parameter.name(), value));
                return mutation + " " + parameter.name() + "=" + Excerpt.of(value, 60);
            }
            case "missing required query parameter" -> {
                List<Parameter> required = operation.in("query").stream().filter(Parameter::required).toList();
                Parameter parameter = required.get(random.nextInt(required.size()));
                Set<String> names = new java.util.HashSet<>(Set.of(parameter.name()));
                JsonNode schema = values.document().resolve(parameter.schema());
                if (ValueGenerator.typeOf(schema).equals("object")) {
                    names.addAll(values.properties(schema).keySet());
                }
                draft.query.removeIf(e -> names.contains(e.getKey()));
                return mutation + " " + parameter.name();
            }
            case "duplicate query parameter" -> {
                List<Parameter> query = operation.in("query");
                Parameter parameter = query.get(random.nextInt(query.size()));
                String first = text(values.valid(parameter.schema(), parameter.name(), random));
                String second = random.nextBoolean() ? text(values.valid(parameter.schema(), parameter.name(), random))
                        : values.hostileText(random);
                draft.query.removeIf(e -> e.getKey().equals(parameter.name()));
                draft.query.add(entry(parameter.name(), first));
                draft.query.add(entry(parameter.name(), second));
                return mutation + " " + parameter.name();
            }
            case "unknown query parameter" -> {
                draft.query.add(entry(ValueGenerator.pick(random, "debug", "tenant", "caller.tenant", "__proto__", "x\u0000"),
                        values.hostileText(random)));
                return mutation;
            }
            case "hostile path id" -> {
                List<Parameter> path = operation.in("path");
                Parameter parameter = path.get(random.nextInt(path.size()));
                String value = values.hostileText(random);
                draft.path.put(parameter.name(), value);
                return mutation + " " + parameter.name() + "=" + Excerpt.of(value, 60);
            }
            case "hostile header" -> {
                List<Parameter> headers = operation.in("header").stream()
                        .filter(p -> !RESERVED_HEADERS.contains(p.name().toLowerCase(Locale.ROOT))).toList();
                Parameter parameter = headers.get(random.nextInt(headers.size()));
                String value = ValueGenerator.pick(random, "\"W/-1\"", "-1", "99999999999999999999", "x".repeat(7000),
                        "not a version", "*", "\"\"", "' OR 1=1");
                draft.headers.removeIf(e -> e.getKey().equalsIgnoreCase(parameter.name()));
                draft.headers.add(entry(parameter.name(), value));
                return mutation + " " + parameter.name() + ": " + Excerpt.of(value, 40);
            }
            case "multipart without boundary" -> {
                draft.raw = multipart(draft, "fuzz-boundary");
                draft.contentType = "multipart/form-data";
                return mutation;
            }
            case "multipart part without headers" -> {
                draft.raw = "--b\r\n\r\nno headers here\r\n--b--\r\n".getBytes(StandardCharsets.UTF_8);
                draft.contentType = "multipart/form-data; boundary=b";
                return mutation;
            }
            case "hostile file name" -> {
                draft.fileName = ValueGenerator.pick(random, "../../../etc/passwd.png", "a\u0000b.png", "x".repeat(5000) + ".png",
                        "\u202Egnp.exe", "", "con.png", "a\"b.png");
                return mutation + " " + Excerpt.of(draft.fileName, 40);
            }
            default -> throw new IllegalStateException(mutation);
        }
    }

    // ---- on the wire ----------------------------------------------------------------------------------

    private byte[] body(Draft draft) {
        if (draft.raw != null) {
            return draft.raw;
        }
        if (draft.json == null) {
            return null;
        }
        if (draft.mediaType.startsWith("multipart/")) {
            String boundary = "fuzz-" + UUID.randomUUID();
            if (draft.contentType == null) {
                draft.contentType = draft.mediaType + "; boundary=" + boundary;
            }
            return multipart(draft, boundary);
        }
        if (draft.mediaType.equals("application/x-www-form-urlencoded")) {
            StringBuilder form = new StringBuilder();
            draft.json.fields().forEachRemaining(field -> form.append(form.isEmpty() ? "" : "&")
                    .append(encode(field.getKey())).append('=').append(encode(text(field.getValue()))));
            return form.toString().getBytes(StandardCharsets.UTF_8);
        }
        if (draft.mediaType.contains("json") || draft.json.isContainerNode()) {
            return json(draft.json).getBytes(StandardCharsets.UTF_8);
        }
        return text(draft.json).getBytes(StandardCharsets.UTF_8);
    }

    /** A multipart body: fields whose schema is binary become the file (a PNG's first bytes), others text parts. */
    private static byte[] multipart(Draft draft, String boundary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Consumer<String> write = s -> out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        JsonNode fields = draft.json.isObject() ? draft.json : JSON.createObjectNode().put("file", "binary");
        fields.fields().forEachRemaining(field -> {
            write.accept("--" + boundary + "\r\n");
            if (field.getKey().equals("file") || field.getValue().isTextual() && field.getValue().asText().length() > 200) {
                write.accept("Content-Disposition: form-data; name=\"" + field.getKey() + "\"; filename=\"" + draft.fileName
                        + "\"\r\nContent-Type: image/png\r\n\r\n");
                out.writeBytes(PNG);
            } else {
                write.accept("Content-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n" + text(field.getValue()));
            }
            write.accept("\r\n");
        });
        write.accept("--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    private static String target(Operation operation, Draft draft) {
        String path = operation.path();
        for (Map.Entry<String, String> value : draft.path.entrySet()) {
            String encoded = value.getValue().equals("..") ? ".." : encode(value.getValue());
            path = path.replace("{" + value.getKey() + "}", encoded);
        }
        StringBuilder target = new StringBuilder(path);
        for (Map.Entry<String, String> parameter : draft.query) {
            target.append(target.indexOf("?") < 0 ? '?' : '&').append(encode(parameter.getKey())).append('=')
                    .append(encode(parameter.getValue()));
        }
        return target.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String text(JsonNode value) {
        return value.isValueNode() ? value.asText() : json(value);
    }

    private static String json(JsonNode value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A header value the HTTP client accepts: printable ASCII only. */
    private static String asciiOnly(String value) {
        StringBuilder out = new StringBuilder();
        value.chars().filter(c -> c >= 0x20 && c < 0x7f).forEach(c -> out.append((char) c));
        return out.length() > 4000 ? out.substring(0, 4000) : out.toString();
    }

    private static Map.Entry<String, String> entry(String key, String value) {
        return new AbstractMap.SimpleImmutableEntry<>(key, value);
    }
}
