package org.autocrm.deploy.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The value generator: from a schema of the document, a value that follows it (types, enums, formats such as
 * {@code date-time}, {@code uuid} and {@code email}, lengths, bounds, required properties), with known ids in
 * id-like fields part of the time; and hostile values for a schema (wrong types, NUL and control characters,
 * over-long and odd unicode strings, huge and negative numbers, far-future and malformed dates).
 */
final class ValueGenerator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 6;
    private static final String[] WORDS = {"printer", "login", "invoice", "refund", "password", "broken", "urgent",
            "Grüße", "café", "日本語", "naïve", "order", "shipping", "billing", "screen", "mobile", "app", "crash"};

    private final ApiDocument document;
    private final KnownIds known;

    ValueGenerator(ApiDocument document, KnownIds known) {
        this.document = document;
        this.known = known;
    }

    ApiDocument document() {
        return document;
    }

    // ---- valid values ---------------------------------------------------------------------------------

    /** A value that follows the schema; {@code name} is the property or parameter it is for (may be null). */
    JsonNode valid(JsonNode schema, String name, Random random) {
        return valid(schema, name, random, 0);
    }

    private JsonNode valid(JsonNode raw, String name, Random random, int depth) {
        JsonNode schema = document.resolve(raw);
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            JsonNode values = schema.get("enum");
            return values.get(random.nextInt(values.size()));
        }
        if (schema.has("const")) {
            return schema.get("const");
        }
        if (schema.has("allOf")) {
            return validObject(merged(schema), random, depth);
        }
        for (String choice : List.of("oneOf", "anyOf")) {
            if (schema.has(choice) && schema.get(choice).size() > 0) {
                JsonNode options = schema.get(choice);
                return valid(options.get(random.nextInt(options.size())), name, random, depth + 1);
            }
        }
        String type = typeOf(schema);
        return switch (type) {
            case "object" -> depth > MAX_DEPTH ? NODES.objectNode() : validObject(schema, random, depth);
            case "array" -> validArray(schema, name, random, depth);
            case "integer" -> NODES.numberNode(validInteger(schema, name, random));
            case "number" -> NODES.numberNode(BigDecimal.valueOf(validInteger(schema, name, random))
                    .add(BigDecimal.valueOf(random.nextInt(100), 2)).min(max(schema, new BigDecimal("1e9"))));
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            default -> NODES.textNode(validString(schema, name, random));
        };
    }

    static String typeOf(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type != null && type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        if (type != null && type.isTextual()) {
            return type.asText();
        }
        if (schema.has("properties") || schema.has("additionalProperties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        return "string";
    }

    /** An {@code allOf} folded into one object schema (properties and required of every part). */
    ObjectNode merged(JsonNode schema) {
        ObjectNode merged = NODES.objectNode();
        ObjectNode properties = merged.putObject("properties");
        ArrayNode required = merged.putArray("required");
        merged.put("type", "object");
        List<JsonNode> parts = new ArrayList<>();
        schema.path("allOf").forEach(parts::add);
        parts.add(schema);
        for (JsonNode rawPart : parts) {
            JsonNode part = document.resolve(rawPart);
            if (part.has("allOf") && part != schema) {
                part = merged(part);
            }
            part.path("properties").fields().forEachRemaining(p -> properties.set(p.getKey(), p.getValue()));
            part.path("required").forEach(required::add);
        }
        return merged;
    }

    /** The object's properties, with {@code allOf} folded in. */
    Map<String, JsonNode> properties(JsonNode raw) {
        JsonNode schema = document.resolve(raw);
        if (schema.has("allOf")) {
            schema = merged(schema);
        }
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        schema.path("properties").fields().forEachRemaining(p -> properties.put(p.getKey(), p.getValue()));
        return properties;
    }

    Set<String> required(JsonNode raw) {
        JsonNode schema = document.resolve(raw);
        if (schema.has("allOf")) {
            schema = merged(schema);
        }
        Set<String> required = new LinkedHashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        return required;
    }

    private ObjectNode validObject(JsonNode schema, Random random, int depth) {
        ObjectNode object = NODES.objectNode();
        Set<String> required = required(schema);
        for (Map.Entry<String, JsonNode> property : properties(schema).entrySet()) {
            JsonNode propertySchema = document.resolve(property.getValue());
            if (propertySchema.path("readOnly").asBoolean(false)) {
                continue;
            }
            if (required.contains(property.getKey()) || random.nextInt(3) > 0) {
                object.set(property.getKey(), valid(property.getValue(), property.getKey(), random, depth + 1));
            }
        }
        JsonNode additional = schema.get("additionalProperties");
        if (additional != null && additional.isObject() && object.isEmpty()) {
            for (int i = random.nextInt(3); i > 0; i--) {
                object.set("key" + random.nextInt(1000), valid(additional, null, random, depth + 1));
            }
        }
        return object;
    }

    private ArrayNode validArray(JsonNode schema, String name, Random random, int depth) {
        ArrayNode array = NODES.arrayNode();
        int min = schema.path("minItems").asInt(0);
        int max = Math.min(schema.path("maxItems").asInt(Integer.MAX_VALUE), Math.max(min, 3));
        int count = min + random.nextInt(max - min + 1);
        Set<String> seen = new LinkedHashSet<>();
        String itemName = name == null ? null : name.endsWith("s") ? name.substring(0, name.length() - 1) + "Id" : name;
        if ("groups".equals(name)) {
            itemName = "groupId";
        }
        for (int i = 0; i < count * 3 && array.size() < count; i++) {
            JsonNode item = valid(schema.path("items"), itemName, random, depth + 1);
            if (!schema.path("uniqueItems").asBoolean(false) || seen.add(item.toString())) {
                array.add(item);
            }
        }
        return array;
    }

    private long validInteger(JsonNode schema, String name, Random random) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        long low = n.equals("size") || n.equals("limit") || n.equals("scale") ? 1 : 0;
        long high = n.equals("page") ? 5 : n.equals("size") || n.equals("limit") ? 50 : 100;
        if (schema.has("minimum")) {
            low = schema.get("minimum").asLong() + (schema.path("exclusiveMinimum").asBoolean(false) ? 1 : 0);
            high = Math.max(high, low);
        }
        if (schema.has("exclusiveMinimum") && schema.get("exclusiveMinimum").isNumber()) {
            low = schema.get("exclusiveMinimum").asLong() + 1;
            high = Math.max(high, low);
        }
        if (schema.has("maximum")) {
            high = schema.get("maximum").asLong() - (schema.path("exclusiveMaximum").asBoolean(false) ? 1 : 0);
            low = Math.min(low, high);
        }
        if (schema.has("exclusiveMaximum") && schema.get("exclusiveMaximum").isNumber()) {
            high = schema.get("exclusiveMaximum").asLong() - 1;
            low = Math.min(low, high);
        }
        high = Math.min(high, low + 1000);
        return low + (long) (random.nextDouble() * (high - low + 1));
    }

    private static BigDecimal max(JsonNode schema, BigDecimal otherwise) {
        return schema.has("maximum") ? schema.get("maximum").decimalValue() : otherwise;
    }

    String validString(JsonNode raw, String name, Random random) {
        JsonNode schema = document.resolve(raw);
        String format = schema.path("format").asText("");
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        String value = switch (format) {
            case "uuid" -> idFor(name, random).orElse(UUID.randomUUID().toString());
            case "date-time" -> Instant.now().minus(Duration.ofMinutes(random.nextInt(525_600)))
                    .truncatedTo(ChronoUnit.SECONDS).toString();
            case "date" -> LocalDate.now(ZoneOffset.UTC).minusDays(random.nextInt(365)).toString();
            case "email" -> "fuzz" + random.nextInt(1_000_000) + "@example.test";
            case "uri", "url" -> "https://example.test/" + random.nextInt(1000);
            case "byte" -> Base64.getEncoder().encodeToString(("bytes " + random.nextInt()).getBytes());
            case "int32", "int64" -> Integer.toString(random.nextInt(100));
            default -> null;
        };
        if (value == null) {
            if (n.contains("email")) {
                value = "fuzz" + random.nextInt(1_000_000) + "@example.test";
            } else if (n.equals("password")) {
                value = "Fuzz password " + random.nextInt(1_000_000);
            } else {
                value = idFor(name, random).orElseGet(() -> words(random));
            }
        }
        return fit(schema, value, random);
    }

    private java.util.Optional<String> idFor(String name, Random random) {
        return name == null || random.nextInt(4) == 0 ? java.util.Optional.empty()
                : KnownIds.kindOfField(name).flatMap(kind -> known.reference(kind, random));
    }

    private static String words(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            text.append(text.isEmpty() ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }

    /** The value brought within the schema's lengths and pattern (as far as a fallback can). */
    private static String fit(JsonNode schema, String value, Random random) {
        int min = schema.path("minLength").asInt(0);
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        String fitted = value;
        while (fitted.length() < min) {
            fitted = fitted + "x";
        }
        if (fitted.length() > max) {
            fitted = fitted.substring(0, max);
        }
        if (schema.has("pattern")) {
            Pattern pattern = Pattern.compile(schema.get("pattern").asText());
            if (!pattern.matcher(fitted).find()) {
                for (String candidate : List.of("a", "abc", "abc-123", "ABC", "a1", "0", "12345", "#abcdef", "x_y")) {
                    if (pattern.matcher(candidate).find() && candidate.length() >= min && candidate.length() <= max) {
                        return candidate;
                    }
                }
            }
        }
        return fitted;
    }

    // ---- hostile values -------------------------------------------------------------------------------

    /** A hostile value for a schema, and what makes it hostile. */
    record Hostile(JsonNode value, String label) {
    }

    Hostile hostile(JsonNode raw, Random random) {
        JsonNode schema = document.resolve(raw);
        String type = schema.has("enum") ? "enum" : typeOf(schema);
        String format = schema.path("format").asText("");
        if (random.nextInt(5) == 0) {
            return wrongType(type, random);
        }
        return switch (type) {
            case "integer", "number" -> hostileNumber(schema, random);
            case "boolean" -> new Hostile(NODES.textNode(pick(random, "yes", "TRUE1", "")), "non-boolean text");
            case "array" -> random.nextBoolean() ? new Hostile(hugeArray(schema, random), "10,000 items")
                    : new Hostile(NODES.arrayNode().add(NODES.nullNode()).add(NODES.objectNode()), "null and {} items");
            case "object" -> new Hostile(NODES.textNode("{\"$gt\":\"\"}"), "object as string");
            case "enum" -> new Hostile(NODES.textNode(pick(random, "NOT_IN_ENUM", "",
                    schema.get("enum").get(0).asText().toLowerCase(Locale.ROOT) + "\u0000", " " + schema.get("enum").get(0).asText())),
                    "not one of the enum");
            default -> format.equals("date-time") || format.equals("date") ? hostileDate(random)
                    : format.equals("uuid") ? new Hostile(NODES.textNode(pick(random, "not-a-uuid",
                    "00000000-0000-0000-0000-000000000000", UUID.randomUUID() + "\u0000", "../../etc/passwd",
                    UUID.randomUUID().toString().toUpperCase(Locale.ROOT) + "x")), "malformed uuid")
                    : hostileString(random);
        };
    }

    Hostile wrongType(String type, Random random) {
        return switch (type) {
            case "string", "enum" -> random.nextBoolean() ? new Hostile(NODES.numberNode(42), "number for a string")
                    : new Hostile(NODES.objectNode().put("a", 1), "object for a string");
            case "integer", "number" -> new Hostile(NODES.textNode("twelve"), "text for a number");
            case "array" -> new Hostile(NODES.textNode("not-an-array"), "text for an array");
            case "object" -> new Hostile(NODES.arrayNode().add(1), "array for an object");
            default -> new Hostile(NODES.arrayNode(), "array for a " + type);
        };
    }

    Hostile hostileString(Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> new Hostile(NODES.textNode("before\u0000after"), "NUL in text");
            case 1 -> new Hostile(NODES.textNode("bell\u0007esc\u001b[31mred\u0008\u007f"), "control characters");
            case 2 -> new Hostile(NODES.textNode("x".repeat(100_000 + random.nextInt(50_000))), "over-long text (100k+)");
            case 3 -> new Hostile(NODES.textNode("\u202Egnp.exe \uFEFF Z\u0351\u0352\u0353algo 🎉𝔘𝔫𝔦 \u200B"), "bidi/zero-width/emoji");
            case 4 -> new Hostile(NODES.textNode("' OR 1=1 -- ; DROP TABLE tickets; {\"$where\":\"1\"}"), "injection text");
            case 5 -> new Hostile(NODES.textNode("=HYPERLINK(\"http://evil.example\",\"x\")"), "spreadsheet formula");
            case 6 -> new Hostile(NODES.textNode("../../../etc/passwd%00.png"), "path traversal");
            case 7 -> new Hostile(NODES.textNode(""), "empty string");
            default -> new Hostile(NODES.textNode("  \t\r\n  "), "whitespace only");
        };
    }

    Hostile hostileNumber(JsonNode schema, Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> new Hostile(NODES.numberNode(-1), "negative");
            case 1 -> new Hostile(NODES.numberNode(new BigInteger("9223372036854775808")), "beyond long");
            case 2 -> new Hostile(NODES.numberNode(Integer.MAX_VALUE), "int max");
            case 3 -> new Hostile(NODES.numberNode(new BigDecimal("1e308")), "1e308");
            case 4 -> new Hostile(NODES.numberNode(-2147483649L), "below int");
            case 5 -> new Hostile(NODES.numberNode(1.5), "fraction");
            default -> new Hostile(NODES.numberNode(schema.has("maximum") ? schema.get("maximum").asLong() + 1 : 1_000_000_000L),
                    "above maximum");
        };
    }

    Hostile hostileDate(Random random) {
        return new Hostile(NODES.textNode(pick(random, "+999999999-12-31T23:59:59Z", "10000-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999999999Z", "0000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "2024-02-30T00:00:00Z",
                "2024-13-01T25:61:61Z", "yesterday", "1e10", "2024-01-01", "2024-01-01T00:00:00")), "far-future/malformed date");
    }

    private ArrayNode hugeArray(JsonNode schema, Random random) {
        ArrayNode array = NODES.arrayNode();
        JsonNode item = valid(schema.path("items"), null, random);
        for (int i = 0; i < 10_000; i++) {
            array.add(item);
        }
        return array;
    }

    /** A path or query value that is hostile as text: odd ids, encodings, traversal, huge numbers. */
    String hostileText(Random random) {
        return pick(random, "not-a-uuid", "00000000-0000-0000-0000-000000000000", "-1", "0", "99999999999999999999",
                "..", "../admin", "%2F", "a/b", "\u0000", "x\u0000y", "日本語", "🎉", "%", "%zz", " ", "a".repeat(5000),
                "' OR '1'='1", "${jndi:ldap://x}", "null", "undefined", "1e400", UUID.randomUUID() + "/..");
    }

    static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }
}
