package uk.org.neglectexchange.systemtests;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Bad requests generated from the combined OpenAPI document: every path × method, each request a valid one for a
 * client allowed to call it (its own partnership's objects) with one thing made wrong. Request {@code i} depends only
 * on the seed and {@code i}, so any request can be made again on its own.
 *
 * <p>A mutation must make the request invalid, whatever the service: a field is left out only when the schema
 * requires it, a number is out of the schema's bounds, an injection string goes only where the schema constrains the
 * value (enum, pattern, format), and an operation without a body that changes state is only ever sent to a garbage
 * path or without its practitioner. So a write that is answered 2xx is a service accepting bad input.
 */
final class BadRequests {

    enum Kind {
        MALFORMED_JSON, WRONG_CONTENT_TYPE, WRONG_TYPE, MISSING_FIELD, UNKNOWN_FIELD, HUGE_STRING, HUGE_ARRAY,
        INVALID_UNICODE, BAD_NUMBER, BAD_DATE, INJECTION, TRAVERSAL
    }

    enum Where {
        BODY, PATH, QUERY, HEADER
    }

    record Operation(String method, String path, List<JsonNode> parameters, JsonNode bodySchema) {

        boolean write() {
            return !method.equals("GET");
        }

        String name() {
            return method + " " + path;
        }
    }

    /** A valid request of the operation: who sends it, the path values, headers and body (null when none). */
    record Baseline(String client, Map<String, String> pathValues, Map<String, String> query,
            Map<String, String> headers, JsonNode body) {
    }

    record BadRequest(long seed, int index, Kind kind, Where where, Operation operation, String client, String uri,
            Map<String, String> headers, byte[] body, Set<String> secrets, String mutation) {

        String describe() {
            String shownBody = body == null ? "(none)" : printable(body, 400);
            return "request #" + index + " (seed " + seed + ", rerun with -Dnx.badinput.seed=" + seed
                    + " -Dnx.badinput.only=" + index + ")\n  " + kind + " in " + where + ": " + mutation + "\n  "
                    + operation.method() + " " + printable(uri.getBytes(StandardCharsets.UTF_8), 300) + " as " + client
                    + "\n  headers " + headers.entrySet().stream().map(e -> e.getKey() + ": "
                            + printable(e.getValue().getBytes(StandardCharsets.UTF_8), 80)).toList()
                    + "\n  body " + shownBody;
        }

        private static String printable(byte[] bytes, int max) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < bytes.length && out.length() < max; i++) {
                int b = bytes[i] & 0xff;
                out.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b));
            }
            return bytes.length > max ? out + "… (" + bytes.length + " bytes)" : out.toString();
        }
    }

    /** NHS-number-shaped values (valid check digits): an error must never repeat them. */
    static final List<String> NHS_SHAPED = List.of("9434765919", "9990000026", "4010232137");

    private static final List<String> INJECTIONS = List.of("' OR '1'='1", "1; DROP TABLE child; --",
            "' UNION SELECT null,null--", "\" OR \"\"=\"", "${jndi:ldap://127.0.0.1:1/a}", "<script>alert(1)</script>",
            "{{7*7}}", "#{7*7}", "$(id)", "`id`", "%s%s%s%n", "*)(uid=*))(|(uid=*", "admin'--", "1' AND pg_sleep(5)--",
            "<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>", "__proto__", "null", "undefined",
            "NaN", "-1", "0x7fffffff", "\\\\", "%00", NHS_SHAPED.get(0), "NHS " + NHS_SHAPED.get(1));
    private static final List<String> TRAVERSALS = List.of("../../../../etc/passwd", "..\\..\\..\\windows\\win.ini",
            "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/etc/passwd", "file:///etc/passwd", "....//....//etc/passwd",
            "..;/..;/etc/passwd", "..%c0%af..%c0%afetc%c0%afpasswd", "%252e%252e%252f");
    /** Traversals sent into a path as they are (already legal in a URI), not encoded as one segment. */
    private static final List<String> RAW_PATH_TRAVERSALS = List.of("../../../../../etc/passwd", "..%2f..%2f..%2fetc%2fpasswd",
            "%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "..;/..;/..;/..;/etc/passwd", "%2e%2e%5c%2e%2e%5cwin.ini",
            "..%252f..%252fetc", ".", "..%00", "%2e");
    private static final List<String> BAD_DATES = List.of("2026-02-30", "2025-13-01", "0000-00-00",
            "+999999999-12-31", "-999999999-01-01", "2026-1-1", "20260101", "2026-01-01T00:00:00Z", "yesterday",
            "31/12/2025", "2026-02-29", "2025-04-31", "", " ", "2025-12-32");
    /** Percent-encoded byte sequences that are not UTF-8 (or decode to NUL). */
    private static final List<String> BAD_UTF8_ENCODED = List.of("%FF", "%C0%AF", "%ED%A0%80", "%00", "%E2%82",
            "%F8%88%80%80%80", "%C3%28", "%80");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=zzz", "application/octet-stream", "",
            "application/json; charset=x-no-such-charset", "image/png", "text/html");
    private static final List<String> ACCEPTS = List.of("application/xml", "image/png", "text/csv",
            "application/json;q=0", "*/*;q=abc", "application/problem+xml", "");
    private static final Pattern TEN_DIGITS = Pattern.compile("(?<!\\d)\\d{10}(?!\\d)");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    private final List<Operation> operations;
    private final Map<Operation, Baseline> baselines = new LinkedHashMap<>();
    private final long seed;

    BadRequests(JsonNode document, long seed, Function<Operation, Baseline> baseline) {
        this.document = document;
        this.seed = seed;
        this.operations = operations(document);
        operations.forEach(op -> baselines.put(op, baseline.apply(op)));
    }

    List<Operation> operations() {
        return operations;
    }

    Baseline baseline(Operation operation) {
        return baselines.get(operation);
    }

    static List<Operation> operations(JsonNode document) {
        List<Operation> ops = new ArrayList<>();
        document.path("paths").properties().forEach(path -> {
            List<JsonNode> shared = new ArrayList<>();
            path.getValue().path("parameters").forEach(shared::add);
            path.getValue().properties().forEach(method -> {
                if (method.getKey().equals("parameters")) {
                    return;
                }
                Map<String, JsonNode> parameters = new LinkedHashMap<>();
                shared.forEach(p -> parameters.put(p.path("in").asText() + ":" + p.path("name").asText(), p));
                method.getValue().path("parameters").forEach(p -> parameters.put(p.path("in").asText() + ":"
                        + p.path("name").asText(), p));
                // a path parameter the document forgot is still a path parameter
                Matcher placeholder = Pattern.compile("\\{([^}]+)}").matcher(path.getKey());
                while (placeholder.find()) {
                    parameters.putIfAbsent("path:" + placeholder.group(1), JSON.createObjectNode()
                            .put("in", "path").put("name", placeholder.group(1)).put("required", true)
                            .set("schema", JSON.createObjectNode().put("type", "string")));
                }
                JsonNode body = method.getValue().path("requestBody").path("content").path("application/json")
                        .path("schema");
                ops.add(new Operation(method.getKey().toUpperCase(), path.getKey(), List.copyOf(parameters.values()),
                        body.isMissingNode() ? null : body));
            });
        });
        return ops;
    }

    /** A slot is a place a bad value can go: a body field (by JSON pointer), a parameter or a header. */
    private record Slot(Where where, String name, JsonNode schema, boolean required) {
    }

    /** Request {@code index} of this seed: always the same one. */
    BadRequest generate(int index) {
        Operation op = operations.get(index % operations.size());
        SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (index + 1)));
        Draft draft = new Draft(op, baselines.get(op));
        List<Kind> kinds = new ArrayList<>(Arrays.asList(Kind.values()));
        while (!kinds.isEmpty()) {
            Kind kind = kinds.remove(random.nextInt(kinds.size()));
            if (draft.mutate(kind, random)) {
                return draft.build(index, kind);
            }
        }
        throw new IllegalStateException("no mutation applies to " + op.name());
    }

    private final class Draft {
        final Operation op;
        final Baseline base;
        final Map<String, String> pathValues = new LinkedHashMap<>();
        final Set<String> rawPath = new LinkedHashSet<>();
        final List<String[]> query = new ArrayList<>();
        final Map<String, String> headers = new LinkedHashMap<>();
        JsonNode body;
        byte[] rawBody;
        String contentType = "application/json";
        final Set<String> secrets = new LinkedHashSet<>();
        String mutation;
        Where where;

        Draft(Operation op, Baseline base) {
            this.op = op;
            this.base = base;
            pathValues.putAll(base.pathValues());
            base.query().forEach((name, value) -> query.add(new String[] { name, value }));
            headers.putAll(base.headers());
            body = base.body() == null ? null : base.body().deepCopy();
        }

        boolean hasBody() {
            return op.bodySchema() != null && body != null;
        }

        /** An operation that changes state without a body could be carried out by any request that is not refused. */
        boolean bodilessWrite() {
            return op.write() && !hasBody();
        }

        List<Slot> slots() {
            List<Slot> slots = new ArrayList<>();
            for (JsonNode p : op.parameters()) {
                String in = p.path("in").asText();
                JsonNode schema = resolve(p.path("schema"));
                switch (in) {
                    case "path" -> slots.add(new Slot(Where.PATH, p.path("name").asText(), schema, true));
                    case "query" -> {
                        if (!op.write()) {
                            slots.add(new Slot(Where.QUERY, p.path("name").asText(), schema, false));
                        }
                    }
                    case "header" -> {
                        String name = p.path("name").asText();
                        // on a write, only headers the service validates (Idempotency-Key) may be made wrong alone
                        if (!op.write() || name.equals("Idempotency-Key")) {
                            slots.add(new Slot(Where.HEADER, name, schema, false));
                        }
                    }
                    default -> {
                    }
                }
            }
            if (headers.containsKey("X-Practitioner-Id") && op.write()) {
                slots.add(new Slot(Where.HEADER, "X-Practitioner-Id", JSON.createObjectNode().put("type", "string")
                        .put("pattern", "[A-Za-z0-9._:@-]{1,100}"), true));
            }
            if (hasBody()) {
                bodySlots(body, resolve(op.bodySchema()), "", true, slots);
            }
            return slots;
        }

        private void bodySlots(JsonNode value, JsonNode schema, String pointer, boolean required, List<Slot> slots) {
            if (!pointer.isEmpty()) {
                slots.add(new Slot(Where.BODY, pointer, schema, required));
            }
            if (value.isObject()) {
                Set<String> requiredNames = new LinkedHashSet<>();
                schema.path("required").forEach(r -> requiredNames.add(r.asText()));
                // a map (Map<String, X>) describes its values by additionalProperties, not by properties
                value.properties().forEach(field -> bodySlots(field.getValue(),
                        resolve(schema.path("properties").has(field.getKey()) ? schema.path("properties").path(field.getKey())
                                : schema.path("additionalProperties")), pointer + "/" + field.getKey(),
                        requiredNames.contains(field.getKey()), slots));
            } else if (value.isArray() && !value.isEmpty() && slots.size() < 400) {
                bodySlots(value.get(0), resolve(schema.path("items")), pointer + "/0", false, slots);
            }
        }

        boolean mutate(Kind kind, SplittableRandom random) {
            if (bodilessWrite()) {
                // only a garbage path or a missing/garbage practitioner: anything else would really change state
                if (kind != Kind.INJECTION && kind != Kind.TRAVERSAL && kind != Kind.HUGE_STRING
                        && kind != Kind.INVALID_UNICODE && kind != Kind.MISSING_FIELD) {
                    return false;
                }
            }
            List<Slot> candidates = slots().stream().filter(s -> fits(kind, s)).toList();
            switch (kind) {
                case MALFORMED_JSON -> {
                    if (!hasBody()) {
                        return false;
                    }
                    malformed(random);
                    where = Where.BODY;
                    return true;
                }
                case WRONG_CONTENT_TYPE -> {
                    if (hasBody()) {
                        contentType = pick(random, CONTENT_TYPES);
                        if (contentType.equals("application/xml")) {
                            rawBody = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"
                                    .getBytes(StandardCharsets.UTF_8);
                        }
                        mutation = "Content-Type: " + contentType;
                        where = Where.HEADER;
                        return true;
                    }
                    if (op.write()) {
                        return false;
                    }
                    headers.put("Accept", pick(random, ACCEPTS));
                    mutation = "Accept: " + headers.get("Accept");
                    where = Where.HEADER;
                    return true;
                }
                case UNKNOWN_FIELD -> {
                    if (hasBody()) {
                        List<JsonNode> objects = new ArrayList<>();
                        collectObjects(body, objects);
                        ObjectNode target = (ObjectNode) objects.get(random.nextInt(objects.size()));
                        String name = pick(random, List.of("unexpected", "admin", "__proto__", "constructor", "id",
                                "partnership_", "isAdmin", "$where", "class"));
                        target.set(name, pick(random, List.of(JsonNodeFactory.instance.booleanNode(true),
                                JsonNodeFactory.instance.textNode("x"), JsonNodeFactory.instance.numberNode(1),
                                JSON.createObjectNode().put("admin", true))));
                        mutation = "unknown field " + name;
                        where = Where.BODY;
                        return true;
                    }
                    if (op.write()) {
                        return false;
                    }
                    String[] param = pick(random, List.of(new String[] { "debug", "true" },
                            new String[] { "admin", "1" }, new String[] { "_method", "DELETE" },
                            new String[] { "__proto__[admin]", "1" }, new String[] { "partnership", "WSSCP" },
                            new String[] { "format", "xml" }));
                    query.add(param);
                    mutation = "unknown query parameter " + param[0];
                    where = Where.QUERY;
                    return true;
                }
                case HUGE_ARRAY -> {
                    if (candidates.isEmpty()) {
                        if (!hasBody()) {
                            return false;
                        }
                        ArrayNode many = JSON.createArrayNode();
                        for (int i = 0; i < 20_000; i++) {
                            many.add(body);
                        }
                        body = many;
                        mutation = "body as an array of 20,000 copies";
                        where = Where.BODY;
                        return true;
                    }
                    return apply(kind, pick(random, candidates), random);
                }
                default -> {
                    return !candidates.isEmpty() && apply(kind, pick(random, candidates), random);
                }
            }
        }

        private boolean fits(Kind kind, Slot slot) {
            JsonNode s = slot.schema();
            String type = s.path("type").asText();
            boolean constrained = s.has("enum") || s.has("format")
                    || (s.has("pattern") && !s.path("pattern").asText().equals("\\S"));
            boolean dateLike = s.path("format").asText().startsWith("date")
                    || (slot.where() == Where.QUERY && Set.of("from", "to").contains(slot.name()));
            return switch (kind) {
                case WRONG_TYPE -> slot.where() == Where.BODY
                        || (slot.where() == Where.QUERY && Set.of("integer", "boolean").contains(type));
                case MISSING_FIELD -> slot.required() && (slot.where() == Where.BODY || slot.where() == Where.HEADER);
                case HUGE_STRING -> type.equals("string") || type.isEmpty() && slot.where() != Where.BODY;
                case HUGE_ARRAY -> type.equals("array");
                case INVALID_UNICODE -> type.equals("string") && slot.where() != Where.HEADER;
                case BAD_NUMBER -> type.equals("integer") || type.equals("number");
                case BAD_DATE -> dateLike;
                case INJECTION, TRAVERSAL -> slot.where() == Where.PATH || slot.where() == Where.HEADER
                        || (slot.where() == Where.QUERY && !type.equals("array")) || (type.equals("string") && constrained);
                default -> false;
            };
        }

        private boolean apply(Kind kind, Slot slot, SplittableRandom random) {
            where = slot.where();
            JsonNode s = slot.schema();
            switch (kind) {
                case WRONG_TYPE -> {
                    String type = s.path("type").asText();
                    List<String> values = switch (type) {
                        case "integer", "number" -> List.of("\"abc\"", "true", "{}", "[]", "\"\"", "\"1,5\"");
                        case "boolean" -> List.of("\"yes\"", "2", "{}", "[]", "\"\"");
                        case "array" -> List.of("{}", "\"x\"", "1", "true");
                        case "object" -> List.of("[]", "\"x\"", "1", "true");
                        default -> List.of("123", "true", "{}", "[]", "1.5", "{\"a\":1}", "[\"x\"]", "false");
                    };
                    String value = pick(random, values);
                    if (slot.where() == Where.QUERY) {
                        return setParam(slot, value.replace("\"", ""), "wrong type");
                    }
                    return setBody(slot, parse(value), "wrong type " + value);
                }
                case MISSING_FIELD -> {
                    if (slot.where() == Where.HEADER) {
                        headers.remove(slot.name());
                        mutation = "without " + slot.name();
                        return true;
                    }
                    if (random.nextBoolean()) {
                        return setBody(slot, JsonNodeFactory.instance.nullNode(), "required field null");
                    }
                    removeBody(slot.name());
                    mutation = "required field missing " + slot.name();
                    return true;
                }
                case HUGE_STRING -> {
                    int length;
                    if (slot.where() == Where.BODY) {
                        length = s.has("maxLength") && random.nextBoolean()
                                ? s.path("maxLength").asInt() + 1 + random.nextInt(50)
                                : 200_000 + random.nextInt(100_000);
                    } else if (slot.where() == Where.HEADER) {
                        length = 101 + random.nextInt(4000);
                    } else {
                        length = 200 + random.nextInt(3500);
                    }
                    String huge = filler(random, length);
                    return slot.where() == Where.BODY ? setBody(slot, JsonNodeFactory.instance.textNode(huge),
                            "string of " + length) : setParam(slot, huge, "string of " + length);
                }
                case HUGE_ARRAY -> {
                    if (slot.where() == Where.QUERY) {
                        String value = base.body() == null ? "HEALTH" : "x";
                        query.removeIf(p -> p[0].equals(slot.name()));
                        for (int i = 0; i < 300; i++) {
                            query.add(new String[] { slot.name(), value });
                        }
                        mutation = slot.name() + " repeated 300 times";
                        return true;
                    }
                    JsonNode existing = body.at(slot.name());
                    JsonNode item = existing.isArray() && !existing.isEmpty() ? existing.get(0)
                            : JsonNodeFactory.instance.textNode("x");
                    int count = s.has("maxItems") && random.nextBoolean() ? s.path("maxItems").asInt() + 1
                            : 50_000 + random.nextInt(50_000);
                    ArrayNode many = JSON.createArrayNode();
                    for (int i = 0; i < count; i++) {
                        many.add(item);
                    }
                    return setBody(slot, many, "array of " + count);
                }
                case INVALID_UNICODE -> {
                    if (slot.where() != Where.BODY) {
                        String bad = pick(random, BAD_UTF8_ENCODED);
                        return setRawParam(slot, "ok" + bad + "ok", "encoded " + bad);
                    }
                    String[] variant = pick(random, List.of(new String[] { "escape", "\\ud800" },
                            new String[] { "escape", "\\udfff" }, new String[] { "escape", "\\udc00\\ud800" },
                            new String[] { "escape", "\\u0000" }, new String[] { "raw", "ff" },
                            new String[] { "raw", "c0af" }, new String[] { "raw", "eda080" }, new String[] { "raw", "e282" },
                            new String[] { "raw", "01" }, new String[] { "raw", "f4908080" }));
                    setBody(slot, JsonNodeFactory.instance.textNode("ok\u0007MARK\u0007ok"), "");
                    String text = write(body).replace("\\u0007MARK\\u0007", "\u0007MARK\u0007");
                    byte[] marker = "\u0007MARK\u0007".getBytes(StandardCharsets.UTF_8);
                    byte[] bad = variant[0].equals("escape") ? variant[1].getBytes(StandardCharsets.US_ASCII)
                            : hex(variant[1]);
                    rawBody = replace(text.getBytes(StandardCharsets.UTF_8), marker, bad);
                    mutation = variant[0] + " " + variant[1] + " in " + slot.name();
                    return true;
                }
                case BAD_NUMBER -> {
                    List<String> values = new ArrayList<>(List.of("2147483648", "-2147483649", "9223372036854775808",
                            "1e400", "-1e400", "99999999999999999999999999999", "1.5", "NaN", "-Infinity", "0x10", "1e-400"));
                    if (s.has("minimum")) {
                        values.add(String.valueOf(s.path("minimum").asLong() - 1));
                        values.add(String.valueOf(s.path("minimum").asLong() - 1000));
                    }
                    if (s.has("maximum")) {
                        values.add(String.valueOf(s.path("maximum").asLong() + 1));
                    }
                    String value = pick(random, values);
                    if (slot.where() != Where.BODY) {
                        return setParam(slot, value, "number " + value);
                    }
                    // numbers go in as raw JSON text: NaN and 0x10 are not JSON, 1e400 does not fit a double
                    setBody(slot, JsonNodeFactory.instance.textNode("\u0007NUM\u0007"), "");
                    rawBody = write(body).replace("\"\\u0007NUM\\u0007\"", value).getBytes(StandardCharsets.UTF_8);
                    mutation = "number " + value + " in " + slot.name();
                    return true;
                }
                case BAD_DATE -> {
                    String value = pick(random, BAD_DATES);
                    return slot.where() == Where.BODY ? setBody(slot, JsonNodeFactory.instance.textNode(value),
                            "date " + value) : setParam(slot, value, "date " + value);
                }
                case INJECTION -> {
                    String value = pick(random, invalidFor(slot, INJECTIONS));
                    return slot.where() == Where.BODY ? setBody(slot, JsonNodeFactory.instance.textNode(value),
                            "injection " + value) : setParam(slot, value, "injection " + value);
                }
                case TRAVERSAL -> {
                    if (slot.where() == Where.PATH && random.nextBoolean()) {
                        String value = pick(random, RAW_PATH_TRAVERSALS);
                        return setRawParam(slot, value, "raw traversal " + value);
                    }
                    String value = pick(random, invalidFor(slot, TRAVERSALS));
                    return slot.where() == Where.BODY ? setBody(slot, JsonNodeFactory.instance.textNode(value),
                            "traversal " + value) : setParam(slot, value, "traversal " + value);
                }
                default -> {
                    return false;
                }
            }
        }

        /** Values the slot's own pattern would accept are not bad input for it (an Idempotency-Key "undefined"). */
        private List<String> invalidFor(Slot slot, List<String> values) {
            String pattern = slot.name().equals("Idempotency-Key") ? "[A-Za-z0-9._:-]{8,100}"
                    : slot.schema().path("pattern").asText("");
            if (pattern.isEmpty() || pattern.equals("\\S")) {
                return values;
            }
            Pattern compiled = Pattern.compile(pattern);
            return values.stream().filter(v -> !compiled.matcher(v).matches()).toList();
        }

        private boolean setBody(Slot slot, JsonNode value, String what) {
            String pointer = slot.name();
            int cut = pointer.lastIndexOf('/');
            JsonNode parent = body.at(pointer.substring(0, cut));
            String last = pointer.substring(cut + 1);
            if (parent instanceof ObjectNode object) {
                object.set(last, value);
            } else if (parent instanceof ArrayNode array) {
                array.set(Integer.parseInt(last), value);
            }
            mutation = what + " in " + pointer;
            return true;
        }

        private void removeBody(String pointer) {
            int cut = pointer.lastIndexOf('/');
            JsonNode parent = body.at(pointer.substring(0, cut));
            if (parent instanceof ObjectNode object) {
                object.remove(pointer.substring(cut + 1));
            }
        }

        private boolean setParam(Slot slot, String value, String what) {
            NHS_SHAPED.stream().filter(value::contains).forEach(secrets::add);
            switch (slot.where()) {
                case PATH -> pathValues.put(slot.name(), value);
                case QUERY -> {
                    query.removeIf(p -> p[0].equals(slot.name()));
                    query.add(new String[] { slot.name(), value });
                }
                case HEADER -> headers.put(slot.name(), value.replaceAll("[\\r\\n\\x00]", ""));
                default -> throw new IllegalArgumentException(slot.toString());
            }
            mutation = what + " in " + slot.where().name().toLowerCase() + " " + slot.name();
            return true;
        }

        /** Already URI-encoded (or deliberately left as is): goes into the URI verbatim. */
        private boolean setRawParam(Slot slot, String value, String what) {
            if (slot.where() == Where.PATH) {
                pathValues.put(slot.name(), value);
                rawPath.add(slot.name());
            } else {
                query.removeIf(p -> p[0].equals(slot.name()));
                query.add(new String[] { slot.name(), "\u0000RAW" + value });
            }
            mutation = what + " in " + slot.where().name().toLowerCase() + " " + slot.name();
            return true;
        }

        private void malformed(SplittableRandom random) {
            String valid = write(body);
            int variant = random.nextInt(14);
            String text = switch (variant) {
                case 0 -> valid.substring(0, 1 + random.nextInt(Math.max(1, valid.length() - 1)));
                case 1 -> valid + "}";
                case 2 -> valid + " garbage";
                case 3 -> valid.replaceFirst(":", "=");
                case 4 -> valid.replace('"', '\'');
                case 5 -> "";
                case 6 -> pick(random, List.of("null", "[]", "\"text\"", "42", "true", "{}", "[{}]"));
                case 7 -> "[".repeat(100_000);
                case 8 -> "{\"a\":".repeat(20_000);
                case 9 -> "/* comment */" + valid;
                case 10 -> valid.replaceFirst("\\{\"", "{\"" + firstField() + "\":{},\"");
                case 11 -> valid.replaceFirst("}$", ",}");
                case 12 -> valid.replaceAll("\"([A-Za-z]+)\":", "$1:");
                default -> "{\"a\":1" + "\u0000" + "}";
            };
            mutation = "malformed JSON variant " + variant;
            rawBody = text.getBytes(StandardCharsets.UTF_8);
        }

        private String firstField() {
            Iterator<String> names = body.fieldNames();
            return names.hasNext() ? names.next() : "x";
        }

        BadRequest build(int index, Kind kind) {
            StringBuilder uri = new StringBuilder();
            Matcher placeholder = Pattern.compile("\\{([^}]+)}").matcher(op.path());
            int last = 0;
            while (placeholder.find()) {
                uri.append(op.path(), last, placeholder.start());
                String name = placeholder.group(1);
                String value = pathValues.getOrDefault(name, "x");
                uri.append(rawPath.contains(name) ? value : encodeSegment(value));
                last = placeholder.end();
            }
            uri.append(op.path().substring(last));
            for (int i = 0; i < query.size(); i++) {
                String[] param = query.get(i);
                String value = param[1].startsWith("\u0000RAW") ? param[1].substring(4)
                        : URLEncoder.encode(param[1], StandardCharsets.UTF_8);
                uri.append(i == 0 ? '?' : '&').append(URLEncoder.encode(param[0], StandardCharsets.UTF_8)).append('=')
                        .append(value);
            }
            byte[] bytes = rawBody != null ? rawBody : hasBody() ? write(body).getBytes(StandardCharsets.UTF_8) : null;
            Map<String, String> sent = new LinkedHashMap<>(headers);
            if (bytes != null && !contentType.isEmpty()) {
                sent.put("Content-Type", contentType);
            }
            // what was sent that looks like an NHS number must not come back
            String all = uri + " " + sent.values() + " " + (bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8));
            Matcher digits = TEN_DIGITS.matcher(all);
            while (digits.find()) {
                if (NHS_SHAPED.contains(digits.group()) || base.body() != null
                        && base.body().toString().contains(digits.group())) {
                    secrets.add(digits.group());
                }
            }
            return new BadRequest(seed, index, kind, where, op, base.client(), uri.toString(), sent, bytes, secrets,
                    mutation);
        }
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.path("$ref").asText();
            current = document.at(ref.substring(1));
        }
        return current == null ? JSON.createObjectNode() : current;
    }

    private static void collectObjects(JsonNode node, List<JsonNode> objects) {
        if (node.isObject()) {
            objects.add(node);
            node.forEach(child -> collectObjects(child, objects));
        } else if (node.isArray() && !node.isEmpty()) {
            collectObjects(node.get(0), objects);
        }
    }

    static String encodeSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String filler(SplittableRandom random, int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ ";
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hex(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    private static byte[] replace(byte[] text, byte[] marker, byte[] with) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length; i++) {
            if (i <= text.length - marker.length && Arrays.equals(text, i, i + marker.length, marker, 0, marker.length)) {
                out.writeBytes(with);
                i += marker.length - 1;
            } else {
                out.write(text[i]);
            }
        }
        return out.toByteArray();
    }
}
