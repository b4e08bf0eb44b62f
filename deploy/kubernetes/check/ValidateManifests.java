import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.google.gson.annotations.SerializedName;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * Validates rendered Kubernetes manifests (deploy/kubernetes/check.sh) and fails on anything a cluster would refuse
 * at the schema level, including a kind it has no schema for:
 * <ul>
 * <li>Kubernetes' own kinds against the models of the official Kubernetes Java client, which are generated from the
 * Kubernetes OpenAPI document: every field must be one the model has (unknown fields fail, as kubectl's strict field
 * validation does), required fields must be there, and each value must have the JSON type of its field. A kind is
 * Kubernetes' own only if the client's API class for its group and version accepts it.</li>
 * <li>Custom resources against the OpenAPI schema of their CustomResourceDefinition (the --crd files), made strict
 * the way the API server treats it: an object schema with properties and without
 * x-kubernetes-preserve-unknown-fields admits no other field. Their metadata is checked as Kubernetes' ObjectMeta.
 * CEL rules (x-kubernetes-validations) and webhooks are the operators' and are not checked here.</li>
 * <li>What a custom resource embeds from its product is read as that product's own class, refusing unknown fields
 * and values of the wrong type (EMBEDDED): a KeycloakRealmImport's realm as Keycloak's RealmRepresentation.</li>
 * </ul>
 * With --topics (deploy/kafka/topics.txt), each set of --manifests must also hold exactly its topics and their .dlq
 * twins as KafkaTopics, with the same partitions (the twins have one), as deploy/kafka/CreateTopics.java makes them;
 * --also sets are validated without that.
 * With --self-test FILE (a rendered overlay), it first shows that it catches faults: it plants one fault at a time
 * in a copy of FILE's resources (a wrong type, a missing required field, an unknown field, each in a Kubernetes kind
 * and in a custom resource, an unknown kind, a version the CRD does not serve) and fails unless each is reported.
 * Usage: java -cp CLASSPATH ValidateManifests.java [--topics FILE] --crd FILE... [--self-test FILE]
 *        --manifests NAME=FILE... [--also NAME=FILE...]
 * Prints each problem and, per NAME, how many resources of each kind it holds; exits 1 on any problem.
 */
public class ValidateManifests {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String MODELS = "io.kubernetes.client.openapi.models.";
    private static final String APIS = "io.kubernetes.client.openapi.apis.";

    record CustomKind(String group, String kind) {}

    /** Where a custom resource embeds a representation of its product, and the product's class for it. */
    record Embedded(String pointer, String className) {}

    private static final Map<CustomKind, Embedded> EMBEDDED = Map.of(
            new CustomKind("k8s.keycloak.org", "KeycloakRealmImport"),
            new Embedded("/spec/realm", "org.keycloak.representations.idm.RealmRepresentation"));

    /** Reads an embedded representation strictly: no unknown field, no "300" where a number belongs. */
    private static final ObjectMapper STRICT_READER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    /** The schema of each served version of each custom kind, from the CRDs given. */
    private final Map<CustomKind, Map<String, Schema>> customSchemas = new LinkedHashMap<>();

    /** Topic name to partitions, from deploy/kafka/topics.txt, when given. */
    private Optional<Map<String, Integer>> expectedTopics = Optional.empty();

    public static void main(String[] args) throws IOException {
        List<Path> crds = new ArrayList<>();
        Map<String, Path> manifests = new LinkedHashMap<>();
        Map<String, Path> others = new LinkedHashMap<>();
        Optional<Path> topics = Optional.empty();
        Optional<Path> selfTest = Optional.empty();
        String option = "";
        for (String arg : args) {
            if (arg.startsWith("--")) {
                option = arg;
                continue;
            }
            switch (option) {
                case "--crd" -> crds.add(Path.of(arg));
                case "--topics" -> topics = Optional.of(Path.of(arg));
                case "--self-test" -> selfTest = Optional.of(Path.of(arg));
                case "--manifests" -> manifests.put(arg.substring(0, arg.indexOf('=')), Path.of(arg.substring(arg.indexOf('=') + 1)));
                case "--also" -> others.put(arg.substring(0, arg.indexOf('=')), Path.of(arg.substring(arg.indexOf('=') + 1)));
                default -> throw new IllegalArgumentException(
                        "usage: [--topics FILE] --crd FILE... [--self-test FILE] --manifests NAME=FILE... [--also NAME=FILE...]");
            }
        }
        ValidateManifests validator = new ValidateManifests();
        if (topics.isPresent()) {
            validator.expectedTopics = Optional.of(topicsFile(topics.get()));
        }
        for (Path crd : crds) {
            validator.loadCrds(crd);
        }
        int problems = 0;
        if (selfTest.isPresent()) {
            problems += validator.selfTest(selfTest.get());
        }
        for (var entry : manifests.entrySet()) {
            problems += validator.validateFile(entry.getKey(), entry.getValue(), true);
        }
        for (var entry : others.entrySet()) {
            problems += validator.validateFile(entry.getKey(), entry.getValue(), false);
        }
        if (problems > 0) {
            System.out.println(problems + " problem(s): the manifests are not valid");
            System.exit(1);
        }
        System.out.println("every resource is valid");
    }

    private void loadCrds(Path file) throws IOException {
        for (JsonNode crd : documents(file)) {
            if (!"CustomResourceDefinition".equals(crd.path("kind").asText())) {
                continue;
            }
            JsonNode spec = crd.path("spec");
            var kind = new CustomKind(spec.path("group").asText(), spec.path("names").path("kind").asText());
            Map<String, Schema> versions = customSchemas.computeIfAbsent(kind, k -> new LinkedHashMap<>());
            for (JsonNode version : spec.path("versions")) {
                if (version.path("served").asBoolean(false)) {
                    ObjectNode openApi = version.path("schema").path("openAPIV3Schema").deepCopy();
                    // every object has these three at its root, whether or not its CRD lists them
                    ObjectNode root = openApi.has("properties") ? (ObjectNode) openApi.get("properties")
                            : openApi.putObject("properties");
                    root.putIfAbsent("apiVersion", YAML.createObjectNode().put("type", "string"));
                    root.putIfAbsent("kind", YAML.createObjectNode().put("type", "string"));
                    root.putIfAbsent("metadata", YAML.createObjectNode().put("type", "object"));
                    versions.put(version.path("name").asText(), SchemaRegistry
                            .withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(strict(openApi)));
                }
            }
        }
    }

    private int validateFile(String name, Path file, boolean holdsTheTopics) throws IOException {
        Map<String, Integer> perKind = new TreeMap<>();
        int problems = 0;
        int resources = 0;
        Map<String, Integer> topics = new TreeMap<>();
        for (JsonNode doc : documents(file)) {
            if ("KafkaTopic".equals(doc.path("kind").asText())) {
                topics.put(doc.path("spec").path("topicName").asText(doc.path("metadata").path("name").asText()),
                        doc.path("spec").path("partitions").asInt(-1));
            }
            resources++;
            String apiVersion = doc.path("apiVersion").asText();
            String kind = doc.path("kind").asText();
            String label = name + ": " + kind + "/" + doc.path("metadata").path("name").asText("<no name>");
            perKind.merge(kind + " (" + apiVersion + ")", 1, Integer::sum);
            List<String> found = validate(doc, apiVersion, kind);
            for (String problem : found) {
                System.out.println("FAIL " + label + ": " + problem);
            }
            problems += found.size();
        }
        if (holdsTheTopics && expectedTopics.isPresent() && !expectedTopics.get().equals(topics)) {
            System.out.println("FAIL " + name + ": the KafkaTopics " + topics + " are not deploy/kafka/topics.txt's "
                    + expectedTopics.get() + " (topic=partitions)");
            problems++;
        }
        System.out.printf("%s: %d resources%n", name, resources);
        perKind.forEach((kind, count) -> System.out.printf("  %4d  %s%n", count, kind));
        return problems;
    }

    record Fault(String description, String kind, String expected, Consumer<ObjectNode> plant) {}

    /** Each fault planted alone in a copy of a resource of its kind must be reported, naming where it is. */
    private int selfTest(Path rendered) throws IOException {
        List<Fault> faults = List.of(
                new Fault("wrong type in a Kubernetes kind", "Deployment", "revisionHistoryLimit: must be an integer",
                        d -> ((ObjectNode) d.get("spec")).put("revisionHistoryLimit", "five")),
                new Fault("missing required field in a Kubernetes kind", "Deployment", "spec.selector: required",
                        d -> ((ObjectNode) d.get("spec")).remove("selector")),
                new Fault("unknown field in a Kubernetes kind", "Deployment", "containers[0].resourcez: unknown field",
                        d -> ((ObjectNode) d.at("/spec/template/spec/containers/0")).set("resourcez",
                                d.at("/spec/template/spec/containers/0/resources"))),
                new Fault("unknown field in a custom resource", "Kafka", "replicas",
                        d -> ((ObjectNode) d.at("/spec/kafka")).put("replicas", 3)),
                new Fault("wrong type in a custom resource", "KafkaTopic", "partitions",
                        d -> ((ObjectNode) d.get("spec")).put("partitions", "three")),
                new Fault("missing required field in a custom resource", "Cluster", "instances",
                        d -> ((ObjectNode) d.get("spec")).remove("instances")),
                new Fault("unknown field in the realm of a KeycloakRealmImport", "KeycloakRealmImport", "clientz",
                        d -> ((ObjectNode) d.at("/spec/realm")).set("clientz", d.at("/spec/realm/clients"))),
                new Fault("a version the CRD does not serve", "Kafka", "not a served version",
                        d -> d.put("apiVersion", "kafka.strimzi.io/v1beta2")),
                new Fault("an unknown kind", "ConfigMap", "unknown kind",
                        d -> d.put("kind", "ConfigMapp")));
        System.out.println("self-test: one fault at a time, planted in a copy of " + rendered.getFileName() + "'s resources");
        List<JsonNode> docs = documents(rendered);
        int problems = 0;
        for (JsonNode doc : docs) {
            List<String> found = validate(doc, doc.path("apiVersion").asText(), doc.path("kind").asText());
            if (!found.isEmpty()) {
                System.out.println("FAIL self-test: the " + doc.path("kind").asText() + " is invalid before a fault is planted: " + found);
                problems++;
            }
        }
        int caught = 0;
        for (Fault fault : faults) {
            ObjectNode broken = (ObjectNode) docs.stream().filter(d -> fault.kind().equals(d.path("kind").asText()))
                    .findFirst().orElseThrow(() -> new IllegalStateException("self-test: no " + fault.kind())).deepCopy();
            fault.plant().accept(broken);
            Optional<String> report = validate(broken, broken.path("apiVersion").asText(), broken.path("kind").asText())
                    .stream().filter(p -> p.contains(fault.expected())).findFirst();
            System.out.printf("  %-52s %s%n", fault.description(), report.map(r -> "caught: " + r).orElse("MISSED"));
            caught += report.isPresent() ? 1 : 0;
        }
        System.out.printf("self-test: %d of %d planted faults caught%n", caught, faults.size());
        return problems + faults.size() - caught;
    }

    private List<String> validate(JsonNode doc, String apiVersion, String kind) {
        if (apiVersion.isEmpty() || kind.isEmpty()) {
            return List.of("no apiVersion or kind");
        }
        if (doc.path("metadata").path("name").asText().isEmpty()) {
            return List.of("no metadata.name");
        }
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        Optional<Class<?>> model = kubernetesModel(group, version, kind);
        if (model.isPresent()) {
            List<String> problems = new ArrayList<>();
            checkValue(doc, model.get(), "", problems);
            return problems;
        }
        Map<String, Schema> versions = customSchemas.get(new CustomKind(group, kind));
        if (versions == null) {
            return List.of("unknown kind " + kind + " in " + apiVersion
                    + ": neither a Kubernetes kind nor one of the custom resource definitions given");
        }
        Schema schema = versions.get(version);
        if (schema == null) {
            return List.of(apiVersion + " is not a served version of " + kind + " (served: " + versions.keySet() + ")");
        }
        List<String> problems = new ArrayList<>();
        schema.validate(doc).forEach(error -> problems.add(pointer(error.getInstanceLocation().toString())
                + ": " + error.getMessage()));
        checkValue(doc.path("metadata"), modelClass("V1ObjectMeta"), "metadata", problems);
        Embedded embedded = EMBEDDED.get(new CustomKind(group, kind));
        if (embedded != null && !doc.at(embedded.pointer()).isMissingNode()) {
            try {
                STRICT_READER.treeToValue(doc.at(embedded.pointer()), Class.forName(embedded.className()));
            } catch (JsonProcessingException e) {
                String where = embedded.pointer().substring(1).replace('/', '.');
                problems.add(where + pathOf(e) + ": " + e.getOriginalMessage().lines().findFirst().orElse("")
                        + " (as " + embedded.className() + ")");
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return problems;
    }

    private static String pathOf(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        for (var reference : mapping.getPath()) {
            path.append(reference.getFieldName() != null ? "." + reference.getFieldName() : "[" + reference.getIndex() + "]");
        }
        return path.toString();
    }

    /**
     * The client's model of a Kubernetes kind, if the client's API for that group and version serves it: e.g. apps/v1
     * Deployment is V1Deployment, accepted by AppsV1Api; a kind of another group (or none) has no model.
     */
    static Optional<Class<?>> kubernetesModel(String group, String version, String kind) {
        String versionName = Character.toUpperCase(version.charAt(0)) + version.substring(1);
        String groupName = group.isEmpty() ? "Core" : Arrays.stream(group.replaceFirst("\\.k8s\\.io$", "").split("\\."))
                .map(part -> Character.toUpperCase(part.charAt(0)) + part.substring(1))
                .reduce("", String::concat);
        Class<?> model;
        Class<?> api;
        try {
            model = Class.forName(MODELS + versionName + kind);
            api = Class.forName(APIS + groupName + versionName + "Api");
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
        boolean served = Arrays.stream(api.getMethods())
                .anyMatch(method -> Arrays.asList(method.getParameterTypes()).contains(model));
        return served ? Optional.of(model) : Optional.empty();
    }

    private static Class<?> modelClass(String simpleName) {
        try {
            return Class.forName(MODELS + simpleName);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks a JSON value against the Java type the client gives its field, recursing into models. */
    private static void checkValue(JsonNode value, Type type, String path, List<String> problems) {
        if (value.isNull() || value.isMissingNode()) {
            return;
        }
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        String where = path.isEmpty() ? "(document)" : path;
        switch (raw.getName()) {
            case "java.lang.String", "java.time.OffsetDateTime", "[B" -> expect(value.isTextual(), "a string", value, where, problems);
            case "java.lang.Integer", "java.lang.Long", "int", "long" ->
                    expect(value.isIntegralNumber(), "an integer", value, where, problems);
            case "java.lang.Double", "java.lang.Float", "java.math.BigDecimal" ->
                    expect(value.isNumber(), "a number", value, where, problems);
            case "java.lang.Boolean", "boolean" -> expect(value.isBoolean(), "true or false", value, where, problems);
            case "io.kubernetes.client.custom.IntOrString" ->
                    expect(value.isIntegralNumber() || value.isTextual(), "an integer or a string", value, where, problems);
            case "io.kubernetes.client.custom.Quantity" ->
                    expect(value.isTextual() || value.isNumber(), "a quantity", value, where, problems);
            case "java.lang.Object" -> { } // free-form in the OpenAPI document (e.g. a JSON schema's default)
            case "java.util.List" -> {
                if (expect(value.isArray(), "a list", value, where, problems)) {
                    Type item = ((ParameterizedType) type).getActualTypeArguments()[0];
                    for (int i = 0; i < value.size(); i++) {
                        checkValue(value.get(i), item, path + "[" + i + "]", problems);
                    }
                }
            }
            case "java.util.Map" -> {
                if (expect(value.isObject(), "a map", value, where, problems)) {
                    Type item = ((ParameterizedType) type).getActualTypeArguments()[1];
                    value.properties().forEach(e -> checkValue(e.getValue(), item, path + "." + e.getKey(), problems));
                }
            }
            default -> {
                if (raw.isEnum()) {
                    checkEnum(value, raw, where, problems);
                } else if (raw.getName().startsWith(MODELS)) {
                    checkModel(value, raw, path, problems);
                } else {
                    problems.add(where + ": the check cannot handle fields of type " + raw.getName());
                }
            }
        }
    }

    private static void checkModel(JsonNode value, Class<?> model, String path, List<String> problems) {
        String where = path.isEmpty() ? "(document)" : path;
        if (!expect(value.isObject(), "an object (" + model.getSimpleName() + ")", value, where, problems)) {
            return;
        }
        Map<String, Field> fields = new LinkedHashMap<>();
        for (Class<?> c = model; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                SerializedName name = field.getAnnotation(SerializedName.class);
                if (name != null && !Modifier.isStatic(field.getModifiers())) {
                    fields.putIfAbsent(name.value(), field);
                }
            }
        }
        String prefix = path.isEmpty() ? "" : path + ".";
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            Field field = fields.get(name);
            if (field == null) {
                problems.add(prefix + name + ": unknown field (not in " + model.getSimpleName() + ")");
            } else {
                checkValue(value.get(name), field.getGenericType(), prefix + name, problems);
            }
        }
        for (String required : requiredFields(model)) {
            if (!value.has(required) || value.get(required).isNull()) {
                problems.add(prefix + required + ": required by " + model.getSimpleName() + " but missing");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> requiredFields(Class<?> model) {
        try {
            return (Set<String>) model.getField("openapiRequiredFields").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(model + " has no openapiRequiredFields: another client version?", e);
        }
    }

    private static void checkEnum(JsonNode value, Class<?> type, String where, List<String> problems) {
        List<String> allowed = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            try {
                allowed.add(String.valueOf(type.getMethod("getValue").invoke(constant)));
            } catch (ReflectiveOperationException e) {
                allowed.add(constant.toString());
            }
        }
        expect(value.isTextual() && allowed.contains(value.asText()), "one of " + allowed, value, where, problems);
    }

    private static boolean expect(boolean ok, String what, JsonNode value, String where, List<String> problems) {
        if (!ok) {
            String shown = value.isContainerNode() ? value.getNodeType().toString().toLowerCase() : value.toString();
            problems.add(where + ": must be " + what + ", is " + shown);
        }
        return ok;
    }

    /**
     * An OpenAPI v3 schema of a CRD as a JSON Schema (draft 4, which OpenAPI 3.0 schemas follow) that refuses what
     * the API server refuses or drops: unknown fields where the schema lists the fields (strict field validation).
     */
    static JsonNode strict(JsonNode schema) {
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode out = ((ObjectNode) schema).deepCopy();
        if (out.has("properties")) {
            ObjectNode properties = (ObjectNode) out.get("properties");
            properties.fieldNames().forEachRemaining(n -> properties.set(n, strict(properties.get(n))));
        }
        for (String key : List.of("items", "additionalProperties", "not")) {
            if (out.get(key) != null && out.get(key).isObject()) {
                out.set(key, strict(out.get(key)));
            }
        }
        for (String key : List.of("allOf", "anyOf", "oneOf")) {
            if (out.get(key) instanceof ArrayNode list) {
                ArrayNode converted = JsonNodeFactory.instance.arrayNode();
                list.forEach(item -> converted.add(strict(item)));
                out.set(key, converted);
            }
        }
        if (out.path("x-kubernetes-int-or-string").asBoolean(false)) {
            out.remove("type");
            if (!out.has("anyOf")) {
                out.set("anyOf", YAML.createArrayNode()
                        .add(YAML.createObjectNode().put("type", "integer"))
                        .add(YAML.createObjectNode().put("type", "string")));
            }
        }
        if (out.path("nullable").asBoolean(false) && out.has("type")) {
            out.set("type", YAML.createArrayNode().add(out.get("type").asText()).add("null"));
        }
        boolean preserveUnknown = out.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (out.path("x-kubernetes-embedded-resource").asBoolean(false) && out.has("properties")) {
            ObjectNode properties = (ObjectNode) out.get("properties");
            properties.putIfAbsent("apiVersion", YAML.createObjectNode().put("type", "string"));
            properties.putIfAbsent("kind", YAML.createObjectNode().put("type", "string"));
            properties.putIfAbsent("metadata", YAML.createObjectNode().put("type", "object"));
        }
        if (out.has("properties") && !out.has("additionalProperties") && !preserveUnknown) {
            out.put("additionalProperties", false);
        }
        return out;
    }

    private static String pointer(String instanceLocation) {
        String path = instanceLocation.replaceFirst("^\\$\\.?", "").replaceFirst("^/", "").replace('/', '.');
        return path.isEmpty() ? "(document)" : path;
    }

    /** topics.txt: "NAME PARTITIONS" per line, # comments; each topic also has NAME.dlq with one partition. */
    private static Map<String, Integer> topicsFile(Path file) throws IOException {
        Map<String, Integer> topics = new TreeMap<>();
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+");
            topics.put(parts[0], Integer.parseInt(parts[1]));
            topics.put(parts[0] + ".dlq", 1);
        }
        return topics;
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(Files.newBufferedReader(file))) {
            var values = YAML.readValues(parser, JsonNode.class);
            while (values.hasNext()) {
                JsonNode doc = values.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }
}
