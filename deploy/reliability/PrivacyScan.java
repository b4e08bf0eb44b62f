import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Issue 8's privacy scan: after a test run, looks for the NHS numbers, names and dates of birth the tests used in every
 * log the run wrote, every record of every topic (key, value, headers; .dlq topics included) and every error body the
 * tests received. The identifiers come from the tests' sources and docs/integration-guide.md (so a new test's data is
 * scanned without a list to keep) and from what the run actually sent (target/privacy-scan/sent-identities.jsonl,
 * written by each module's PrivacyScanCapture; it holds the generated names and numbers the sources cannot show).
 * Issue 18 adds the free texts the run wrote at sharing level RESTRICTED or POLICE_PART3 (sent-restricted-texts.jsonl):
 * no log, event or error body holds an entry's text; who may read it in an answer is the authorization matrix's check.
 * Never prints an identifier in full. Exit status 1 on any hit.
 *
 *   java -cp 'KAFKA/libs/*' PrivacyScan.java --root DIR [--bootstrap HOST:PORT] [--topics REGEX]
 *   java -cp 'KAFKA/libs/*' PrivacyScan.java --self-test [--bootstrap HOST:PORT]   (plants leaks, expects each found)
 */
public class PrivacyScan {

    enum Kind {
        NHS_NUMBER("NHS numbers", "NHS number"), GIVEN_NAME("given names", "given name"),
        FAMILY_NAME("family names", "family name"), DATE_OF_BIRTH("dates of birth", "date of birth"),
        /** The free text of an entry or contribution written RESTRICTED or POLICE_PART3: it belongs in no log, event or error. */
        RESTRICTED_TEXT("restricted texts", "restricted text");

        final String plural;
        final String singular;

        Kind(String plural, String singular) {
            this.plural = plural;
            this.singular = singular;
        }

        String singular() {
            return singular;
        }
    }

    record Hit(String source, String where, Kind kind, String masked) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern TEN_DIGITS = Pattern.compile("(?<!\\d)(\\d{3})[ -]?(\\d{3})[ -]?(\\d{4})(?!\\d)");
    private static final Pattern NAME_FIELD = Pattern.compile(
            "\\\\?\"(givenName|familyName)\\\\?\"\\s*[,:]\\s*\\\\?\"([^\"\\\\]+)\\\\?\"");
    private static final Pattern DATE_FIELD = Pattern.compile(
            "\\\\?\"(?:dateOfBirth|expectedDateOfBirth)\\\\?\"\\s*[,:]\\s*\\\\?\"([^\"\\\\]+)\\\\?\"");
    /** The modules' helper for a child's body: child(nhsNumber, givenName, familyName, dateOfBirth). */
    private static final Pattern CHILD_HELPER = Pattern.compile("\\bchild\\(\\s*[^,]+,\\s*\"([^\"]+)\"\\s*,\\s*(?:\"([^\"]+)\")?");
    private static final Pattern RELATIVE_DATE = Pattern.compile(
            "LocalDate\\.now\\(\\)((?:\\.(?:minus|plus)(?:Years|Months|Weeks|Days)\\(\\d+\\))+)");
    private static final Pattern DATE_STEP = Pattern.compile("\\.(minus|plus)(Years|Months|Weeks|Days)\\((\\d+)\\)");
    private static final Pattern BIRTH_CONTEXT = Pattern.compile("(?i)birth|\\bborn\\b|\\bdob\\b|\\bchild\\(");
    private static final Pattern IDENTITY_FIELD = Pattern.compile("nhsNumber|givenName|familyName|(expectedD|d)ateOfBirth");
    private static final Pattern NAME_FIELD_BEFORE = Pattern.compile(
            "(?i)(given|family|first|last|fore|sur)[-_ ]?name");
    private static final Pattern NAME_SHAPE = Pattern.compile("\\p{L}[\\p{L}' .-]*");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    /** A date that is not the start of a date-time: log timestamps and event times are not dates of birth. */
    private static final Pattern ISO_DATE = Pattern.compile("(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?![\\dT])(?! \\d{2}:)");
    private static final Pattern UK_DATE = Pattern.compile("(?<!\\d)(\\d{2})/(\\d{2})/(\\d{4})(?!\\d)");
    private static final Pattern ARRAY_DATE = Pattern.compile("\\[(\\d{4}),\\s*(\\d{1,2}),\\s*(\\d{1,2})]");

    // ---- what to look for -------------------------------------------------------------------------------------

    /** The identifiers, by kind, and where they came from. */
    static final class Identifiers {
        final Map<String, Kind> nhsNumbers = new HashMap<>();
        final Map<String, Kind> words = new HashMap<>();
        final Map<String, Kind> phrases = new HashMap<>();
        /** Names written in the sources ("Sam", "Test", "Matrix"): ordinary words too, so they count after a name field. */
        final Set<String> literalNames = new HashSet<>();
        final Map<String, Kind> dates = new HashMap<>();
        final Map<Kind, Set<String>> fromSources = new EnumMap<>(Kind.class);
        final Map<Kind, Set<String>> fromRun = new EnumMap<>(Kind.class);
        int notIdentityShaped;
        /** Dates of birth a test sent within a month of the run (to be refused): no different from a deadline. */
        final Set<String> tooNearTheRun = new HashSet<>();
        final LocalDate today;
        Pattern phrasePattern;

        Identifiers(LocalDate today) {
            this.today = today;
        }

        void add(Kind kind, String raw, boolean sent) {
            String value = normalise(kind, raw);
            if (value == null) {
                notIdentityShaped++;
                return;
            }
            if (kind == Kind.DATE_OF_BIRTH && Math.abs(LocalDate.parse(value).toEpochDay() - today.toEpochDay()) <= 31) {
                tooNearTheRun.add(value);
                return;
            }
            (sent ? fromRun : fromSources).computeIfAbsent(kind, k -> new HashSet<>()).add(value);
            if (!sent && (kind == Kind.GIVEN_NAME || kind == Kind.FAMILY_NAME)) {
                literalNames.add(value);
            }
            switch (kind) {
                case NHS_NUMBER -> nhsNumbers.put(value, kind);
                case DATE_OF_BIRTH -> dates.put(value, kind);
                default -> (WORD.matcher(value).matches() ? words : phrases).putIfAbsent(value, kind);
            }
        }

        private static String normalise(Kind kind, String raw) {
            String value = raw.strip();
            return switch (kind) {
                case NHS_NUMBER -> {
                    String digits = value.replaceAll("[ -]", "");
                    yield digits.matches("\\d{10}") ? digits : null;
                }
                // shorter texts ("Visit", "Noted") are ordinary words the exchange's own texts use
                case RESTRICTED_TEXT -> value.length() >= 12 ? value : null;
                case DATE_OF_BIRTH -> {
                    try {
                        yield LocalDate.parse(value).toString();
                    } catch (DateTimeParseException e) {
                        yield null;
                    }
                }
                // a name is letters (and ' . - space), at least two of them: one letter would hit everything
                default -> NAME_SHAPE.matcher(value).matches() && value.codePoints().filter(Character::isLetter).count() >= 2
                        ? value : null;
            };
        }

        void seal() {
            List<String> sorted = phrases.keySet().stream().sorted(Comparator.comparing(String::length).reversed()).toList();
            phrasePattern = sorted.isEmpty() ? null : Pattern.compile("(?<![\\p{L}\\p{N}])(?:"
                    + String.join("|", sorted.stream().map(Pattern::quote).toList()) + ")(?![\\p{L}\\p{N}])");
        }

        int count(Kind kind) {
            Set<String> all = new HashSet<>(fromSources.getOrDefault(kind, Set.of()));
            all.addAll(fromRun.getOrDefault(kind, Set.of()));
            return all.size();
        }
    }

    static Identifiers collect(Path root, LocalDate today) throws IOException {
        Identifiers ids = new Identifiers(today);
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                Path tests = module.resolve("src/test");
                if (Files.isDirectory(tests)) {
                    try (Stream<Path> files = Files.walk(tests)) {
                        files.filter(f -> f.toString().endsWith(".java")).forEach(sources::add);
                    }
                }
            }
        }
        Path guide = root.resolve("docs/integration-guide.md");
        if (Files.exists(guide)) {
            sources.add(guide);
        }
        for (Path source : sources) {
            List<String> lines = Files.readAllLines(source);
            for (int i = 0; i < lines.size(); i++) {
                // a call split over two lines: the line before gives the context
                fromSourceLine(ids, lines.get(i), (i > 0 ? lines.get(i - 1) : "") + " " + lines.get(i), today);
            }
        }
        for (Path sent : glob(root, "*/target/privacy-scan/sent-identities.jsonl")) {
            for (String line : Files.readAllLines(sent)) {
                JsonNode entry = JSON.readTree(line);
                String field = entry.path("field").asText();
                Kind kind = switch (field) {
                    case "nhsNumber" -> Kind.NHS_NUMBER;
                    case "givenName" -> Kind.GIVEN_NAME;
                    case "familyName" -> Kind.FAMILY_NAME;
                    default -> Kind.DATE_OF_BIRTH;
                };
                ids.add(kind, entry.path("value").asText(), true);
            }
        }
        for (Path sent : glob(root, "*/target/privacy-scan/sent-restricted-texts.jsonl")) {
            for (String line : Files.readAllLines(sent)) {
                ids.add(Kind.RESTRICTED_TEXT, JSON.readTree(line).path("text").asText(), true);
            }
        }
        ids.seal();
        return ids;
    }

    private static void fromSourceLine(Identifiers ids, String line, String context, LocalDate today) {
        boolean mentionsNhs = line.toLowerCase().contains("nhs");
        Matcher literal = LITERAL.matcher(line);
        while (literal.find()) {
            Matcher digits = TEN_DIGITS.matcher(literal.group(1));
            while (digits.find()) {
                String number = digits.group(1) + digits.group(2) + digits.group(3);
                // a valid NHS number anywhere; an invalid one where the line is about NHS numbers (sent to be refused)
                if (mentionsNhs || validNhsNumber(number)) {
                    ids.add(Kind.NHS_NUMBER, number, false);
                }
            }
        }
        Matcher name = NAME_FIELD.matcher(line);
        while (name.find()) {
            // Set.of("givenName", "familyName", ...) lists field names, not a name
            if (!IDENTITY_FIELD.matcher(name.group(2)).matches()) {
                ids.add(name.group(1).equals("givenName") ? Kind.GIVEN_NAME : Kind.FAMILY_NAME, name.group(2), false);
            }
        }
        Matcher helper = CHILD_HELPER.matcher(line);
        while (helper.find()) {
            ids.add(Kind.GIVEN_NAME, helper.group(1), false);
            if (helper.group(2) != null) {
                ids.add(Kind.FAMILY_NAME, helper.group(2), false);
            }
        }
        Matcher date = DATE_FIELD.matcher(line);
        while (date.find()) {
            ids.add(Kind.DATE_OF_BIRTH, date.group(1), false);
        }
        Matcher relative = RELATIVE_DATE.matcher(line);
        while (relative.find()) {
            if (BIRTH_CONTEXT.matcher(context).find()) {
                // the run may have started the day before the scan
                for (LocalDate day : List.of(today, today.minusDays(1))) {
                    ids.add(Kind.DATE_OF_BIRTH, shift(day, relative.group(1)).toString(), false);
                }
            }
        }
    }

    private static LocalDate shift(LocalDate day, String steps) {
        Matcher step = DATE_STEP.matcher(steps);
        while (step.find()) {
            long n = Long.parseLong(step.group(3)) * (step.group(1).equals("minus") ? -1 : 1);
            day = switch (step.group(2)) {
                case "Years" -> day.plusYears(n);
                case "Months" -> day.plusMonths(n);
                case "Weeks" -> day.plusWeeks(n);
                default -> day.plusDays(n);
            };
        }
        return day;
    }

    static boolean validNhsNumber(String digits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        return check != 10 && (check == 11 ? 0 : check) == digits.charAt(9) - '0';
    }

    // ---- looking ----------------------------------------------------------------------------------------------

    /** Every identifier in one piece of text, as (kind, value). */
    static void find(Identifiers ids, String text, Consumer<Map.Entry<Kind, String>> hit) {
        Matcher digits = TEN_DIGITS.matcher(text);
        while (digits.find()) {
            String number = digits.group(1) + digits.group(2) + digits.group(3);
            if (ids.nhsNumbers.containsKey(number)) {
                hit.accept(Map.entry(Kind.NHS_NUMBER, number));
            }
        }
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            Kind kind = ids.words.get(word.group());
            if (kind != null && (!ids.literalNames.contains(word.group()) || asValue(text, word.start()))) {
                hit.accept(Map.entry(kind, word.group()));
            }
        }
        if (ids.phrasePattern != null) {
            Matcher phrase = ids.phrasePattern.matcher(text);
            while (phrase.find()) {
                if (!ids.literalNames.contains(phrase.group()) || asValue(text, phrase.start())) {
                    hit.accept(Map.entry(ids.phrases.get(phrase.group()), phrase.group()));
                }
            }
        }
        for (Pattern pattern : List.of(ISO_DATE, UK_DATE, ARRAY_DATE)) {
            Matcher date = pattern.matcher(text);
            while (date.find()) {
                String iso = pattern == UK_DATE ? date.group(3) + "-" + date.group(2) + "-" + date.group(1)
                        : date.group(1) + "-" + pad(date.group(2)) + "-" + pad(date.group(3));
                if (ids.dates.containsKey(iso)) {
                    hit.accept(Map.entry(Kind.DATE_OF_BIRTH, iso));
                }
            }
        }
    }

    /**
     * A name written in the tests' sources is often an ordinary word as well ("Test", "Gateway", "Stream"), and the
     * exchange's own texts use them ("Gateway Timeout", a procedure named "Test procedure", surefire's "Test set:"),
     * so it counts where a person's name stands: within 40 characters after a field such as givenName, family_name,
     * surname or forename, as in JSON, toString() output and SQL. Generated names (Testxxxxxxxx, sent in the run)
     * count anywhere as a whole word.
     */
    static boolean asValue(String text, int start) {
        return NAME_FIELD_BEFORE.matcher(text.substring(Math.max(0, start - 40), start)).find();
    }

    private static String pad(String number) {
        return number.length() == 1 ? "0" + number : number;
    }

    /** The first character, then a star for every letter or digit: enough to find it, never the identifier. */
    static String mask(String value) {
        return value.charAt(0) + value.substring(1).replaceAll("[\\p{L}\\p{N}]", "*");
    }

    static final class Scan {
        final Identifiers ids;
        final List<Hit> hits = new ArrayList<>();
        final Map<String, long[]> scanned = new TreeMap<>();

        /** Names of the event contracts' date fields (format date, not about a birth); see withoutContractDates. */
        Set<String> contractDates = Set.of();
        long contractDatesNotRead;

        Scan(Identifiers ids) {
            this.ids = ids;
        }

        void look(String source, String where, String text) {
            find(ids, text, h -> hits.add(new Hit(source, where, h.getKey(), mask(h.getValue()))));
        }

        void logs(Path root) throws IOException {
            List<Path> files = new ArrayList<>();
            for (String pattern : List.of("*/target/quarkus-test.log*", "*/target/surefire-reports/**",
                    "*/target/failsafe-reports/**", "system-tests/target/e2e-logs/*",
                    "system-tests/target/faults-logs/*", "system-tests/target/replicas-logs/*", ".local/logs/*",
                    "*/target/*.txt", "*/target/*.md", "*/target/*.log")) {
                files.addAll(glob(root, pattern));
            }
            // The integration guide's and the practice walk-through's transcripts are the client's side: what their
            // examples sent and were rightly shown (a child read with identity-read returns the identity), as an
            // agency's own system would hold it, not a log of the exchange. The services' logs of the same run are in
            // e2e-logs and are scanned.
            files.removeIf(file -> file.endsWith(Path.of("system-tests", "target", "integration-guide.log"))
                    || file.endsWith(Path.of("system-tests", "target", "practice-walkthrough.log")));
            long[] counts = scanned.computeIfAbsent("logs", k -> new long[2]);
            for (Path file : files.stream().distinct().sorted().toList()) {
                counts[0]++;
                counts[1] += Files.size(file);
                // a byte that is not UTF-8 becomes U+FFFD rather than stopping the scan of that file
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                        StandardCharsets.UTF_8))) {
                    String line;
                    int number = 0;
                    while ((line = reader.readLine()) != null) {
                        number++;
                        look("log", root.relativize(file) + ":" + number, line);
                    }
                }
            }
        }

        void errorBodies(Path root) throws IOException {
            long[] counts = scanned.computeIfAbsent("error bodies", k -> new long[2]);
            for (Path file : glob(root, "*/target/privacy-scan/error-bodies.jsonl")) {
                counts[0]++;
                int number = 0;
                for (String line : Files.readAllLines(file)) {
                    number++;
                    JsonNode body = JSON.readTree(line);
                    counts[1]++;
                    look("error body", root.relativize(file) + ":" + number + " (" + body.path("status").asInt() + " in "
                            + body.path("test").asText() + ")", body.path("body").asText());
                }
            }
        }

        /**
         * An event's own dates (a plan's startDate, an entry's occurredOn) are what the contract says they are, and one
         * may fall on a day a test used as another child's birth: those values are not read as dates of birth. A date
         * of birth put anywhere else in an event, a field of the contracts named for a birth included, still counts.
         */
        String withoutContractDates(String value) {
            if (contractDates.isEmpty() || !value.startsWith("{")) {
                return value;
            }
            try {
                JsonNode event = JSON.readTree(value);
                maskContractDates(event);
                return JSON.writeValueAsString(event);
            } catch (IOException notJson) {
                return value;
            }
        }

        private void maskContractDates(JsonNode node) {
            if (node instanceof ObjectNode object) {
                for (String field : List.copyOf(object.properties().stream().map(Map.Entry::getKey).toList())) {
                    JsonNode child = object.get(field);
                    if (child.isTextual() && contractDates.contains(field)) {
                        object.put(field, "contract-date");
                        contractDatesNotRead++;
                    } else {
                        maskContractDates(child);
                    }
                }
            } else if (node.isArray()) {
                node.forEach(this::maskContractDates);
            }
        }

        void topics(String bootstrap, Pattern wanted) throws Exception {
            long[] counts = scanned.computeIfAbsent("topics", k -> new long[2]);
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
            List<TopicPartition> partitions = new ArrayList<>();
            try (Admin admin = Admin.create(props)) {
                List<String> names = admin.listTopics().names().get().stream().filter(t -> wanted.matcher(t).matches())
                        .sorted().toList();
                counts[0] = names.size();
                admin.describeTopics(names).allTopicNames().get().values().forEach(d -> d.partitions()
                        .forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition()))));
            }
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Set<TopicPartition> open = new HashSet<>(partitions.stream().filter(p -> end.get(p) > 0).toList());
                open.removeIf(p -> consumer.position(p) >= end.get(p));
                long idle = 0;
                while (!open.isEmpty()) {
                    var records = consumer.poll(Duration.ofSeconds(1));
                    idle = records.isEmpty() ? idle + 1 : 0;
                    if (idle > 30) {
                        throw new IllegalStateException("no records for 30 s while " + open.size()
                                + " partitions were not read to their end: " + open);
                    }
                    for (ConsumerRecord<byte[], byte[]> record : records) {
                        counts[1]++;
                        String where = record.topic() + "/" + record.partition() + "@" + record.offset();
                        if (record.key() != null) {
                            look("topic", where + " key", quoted(record.key()));
                        }
                        if (record.value() != null) {
                            look("topic", where + " value", withoutContractDates(utf8(record.value())));
                        }
                        for (Header header : record.headers()) {
                            look("topic", where + " header " + header.key(),
                                    header.key() + " " + (header.value() == null ? "" : quoted(header.value())));
                        }
                    }
                    open.removeIf(p -> consumer.position(p) >= end.get(p));
                }
            }
        }

        void report(PrintStream out) {
            out.println("identifiers the tests use (from the sources + sent in the run):");
            for (Kind kind : Kind.values()) {
                out.printf("  %-16s %6d (%d from sources, %d sent in the run)%n", kind.plural, ids.count(kind),
                        ids.fromSources.getOrDefault(kind, Set.of()).size(), ids.fromRun.getOrDefault(kind, Set.of()).size());
            }
            out.printf("  names written in the sources, counted only after a name field: %d%n", ids.literalNames.size());
            out.printf("  values not taken (not the shape of an identity): %d%n", ids.notIdentityShaped);
            out.printf("  dates of birth within a month of the run, not looked for (a deadline looks the same): %d%n",
                    ids.tooNearTheRun.size());
            out.printf("  event dates the contracts name (%s…), not read as births: %,d%n",
                    String.join(", ", contractDates.stream().limit(4).toList()), contractDatesNotRead);
            for (var entry : scanned.entrySet()) {
                String source = entry.getKey();
                long[] c = entry.getValue();
                String tally = switch (source) {
                    case "logs" -> "%,d files, %,d bytes".formatted(c[0], c[1]);
                    case "topics" -> "%,d topics, %,d records (key, value, headers)".formatted(c[0], c[1]);
                    default -> "%,d files, %,d bodies".formatted(c[0], c[1]);
                };
                String label = switch (source) {
                    case "logs" -> "log";
                    case "topics" -> "topic";
                    default -> "error body";
                };
                out.printf("%-13s %s: %d hits%n", source + ":", tally, hits.stream().filter(h -> h.source().equals(label)).count());
            }
            hits.stream().limit(200).forEach(h -> out.printf("  HIT %s %s: %s %s%n", h.source(), h.where(),
                    h.kind().singular(), h.masked()));
            if (hits.size() > 200) {
                out.printf("  ... and %d more%n", hits.size() - 200);
            }
            out.printf("privacy scan: %d hits%n", hits.size());
        }
    }

    /** A key or a header value is a value as a whole: quoted, a name in it counts as a value. */
    private static String quoted(byte[] bytes) {
        return "\"" + utf8(bytes) + "\"";
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static List<Path> glob(Path root, String pattern) throws IOException {
        var matcher = root.getFileSystem().getPathMatcher("glob:" + root.toString().replace("\\", "/") + "/" + pattern);
        List<Path> found = new ArrayList<>();
        // the patterns reach at most four folders down (module/target/reports/file); node_modules, sources and Kafka's
        // data are never logs, and a file that vanishes while the tree is walked (Kafka renames its checkpoints every
        // few seconds) is not one either
        Files.walkFileTree(root, java.util.EnumSet.of(java.nio.file.FileVisitOption.FOLLOW_LINKS), 5,
                new java.nio.file.SimpleFileVisitor<>() {
                    @Override
                    public java.nio.file.FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                        return Set.of("node_modules", "src", "kafka-data").contains(name)
                                ? java.nio.file.FileVisitResult.SKIP_SUBTREE : java.nio.file.FileVisitResult.CONTINUE;
                    }

                    @Override
                    public java.nio.file.FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                        if (attributes.isRegularFile() && matcher.matches(file)) {
                            found.add(file);
                        }
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }

                    @Override
                    public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }
                });
        return found;
    }

    // ---- running ----------------------------------------------------------------------------------------------

    /** Every property of the event schemas in DIR with format date whose name is not about a birth. */
    static Set<String> contractDateFields(Path dir) throws IOException {
        Set<String> fields = new TreeSet<>();
        if (!Files.isDirectory(dir)) {
            return fields;
        }
        try (Stream<Path> schemas = Files.list(dir)) {
            for (Path schema : schemas.filter(f -> f.toString().endsWith(".json")).toList()) {
                collectDateFields(JSON.readTree(schema.toFile()), fields);
            }
        }
        return fields;
    }

    private static void collectDateFields(JsonNode schema, Set<String> fields) {
        schema.path("properties").properties().forEach(p -> {
            if ("date".equals(p.getValue().path("format").asText())
                    && !p.getKey().toLowerCase(java.util.Locale.ROOT).matches(".*(birth|born|dob).*")) {
                fields.add(p.getKey());
            }
        });
        schema.forEach(child -> collectDateFields(child, fields));
    }

    static Scan run(Path root, String bootstrap, Pattern topics, LocalDate today) throws Exception {
        Scan scan = new Scan(collect(root, today));
        scan.contractDates = contractDateFields(root.resolve("docs/events"));
        scan.logs(root);
        if (bootstrap != null) {
            scan.topics(bootstrap, topics);
        }
        scan.errorBodies(root);
        return scan;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--self-test")) {
                options.put("self-test", "yes");
            } else {
                options.put(args[i].replaceFirst("^--", ""), args[++i]);
            }
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (options.containsKey("self-test")) {
            System.exit(SelfTest.run(options.get("bootstrap"), today) ? 0 : 1);
        }
        Scan scan = run(Path.of(options.getOrDefault("root", ".")).toAbsolutePath().normalize(), options.get("bootstrap"),
                Pattern.compile(options.getOrDefault("topics", ".*")), today);
        scan.report(System.out);
        System.exit(scan.hits.isEmpty() ? 0 : 1);
    }

    /**
     * Proves the scan would catch a leak: plants identifiers (sources, a sent one, a relative date of birth) and leaks
     * of them in a log, an error body and a topic (value and header), beside look-alikes that must not count; then
     * expects exactly the planted hits, and an output without any identifier in full.
     */
    static final class SelfTest {

        static boolean run(String bootstrap, LocalDate today) throws Exception {
            Path root = Files.createTempDirectory("privacy-scan-self-test");
            Path module = root.resolve("planted-module");
            Files.createDirectories(module.resolve("src/test/java"));
            Files.createDirectories(module.resolve("target/privacy-scan"));
            Files.createDirectories(root.resolve("docs/events"));
            Files.writeString(root.resolve("docs/events/planted.started.json"), """
                    {"properties": {"data": {"properties": {"startDate": {"type": "string", "format": "date"},
                        "dateOfBirth": {"type": "string", "format": "date"}}}}}
                    """);
            Files.writeString(module.resolve("src/test/java/PlantedTest.java"), """
                    class PlantedTest {
                        Object body = Map.of("nhsNumber", "9434765919", "givenName", "Planted", "familyName", "O'Leaky",
                                "dateOfBirth", "2019-03-07");
                        Object other = child(null, "Quill", "Zephyrine",
                                LocalDate.now().minusYears(7));
                        String notAnIdentity = "4010232138"; // ten digits failing the check, on a line without the word
                    }
                    """);
            Files.writeString(module.resolve("target/privacy-scan/sent-identities.jsonl"),
                    "{\"field\":\"familyName\",\"value\":\"Testrandomab\"}\n{\"field\":\"givenName\",\"value\":\"x\"}\n");
            Files.writeString(module.resolve("target/privacy-scan/sent-restricted-texts.jsonl"),
                    "{\"level\":\"POLICE_PART3\",\"text\":\"Attended domestic incident at 02:00, planted\"}\n"
                            + "{\"level\":\"RESTRICTED\",\"text\":\"Too short\"}\n");
            String relativeBirth = today.minusYears(7).toString();
            Files.writeString(module.resolve("target/quarkus-test.log"), String.join("\n",
                    "10:00:00 INFO registered child 943 476 5919 for HSCP",
                    "10:00:01 INFO body {\"familyName\":\"O'Leaky\"}",
                    "10:00:02 INFO NewChild[givenName=Planted]",
                    "10:00:03 WARN born 07/03/2019",
                    "10:00:04 INFO family Testrandomab",
                    "10:00:05 INFO age from " + relativeBirth,
                    "2019-03-07 10:00:06,000 INFO look-alikes: planted PLANTED Plantedness Testrandomabc 29434765919",
                    "10:00:07 INFO 2019-03-07T10:15:30Z 4010232138 x X Quills O'Leakyish 94347659190 Testrandom",
                    "Planted in the log as an ordinary word, as Quill and O'Leaky are, {\"name\":\"Planted procedure\"}",
                    "10:00:08 DEBUG summary=Attended domestic incident at 02:00, planted; Too short; Attended domestic incident")
                    + "\n");
            Files.writeString(module.resolve("target/privacy-scan/error-bodies.jsonl"), JSON.writeValueAsString(Map.of(
                    "test", "PlantedTest#leaks()", "request", "POST /api/v1/children", "status", 422,
                    "body", "{\"detail\":\"refused, 943-476-5919\",\"familyName\":\"Zephyrine\"}")) + "\n");
            List<String> expected = new ArrayList<>(List.of(
                    "log planted-module/target/quarkus-test.log:1 NHS_NUMBER",
                    "log planted-module/target/quarkus-test.log:2 FAMILY_NAME",
                    "log planted-module/target/quarkus-test.log:3 GIVEN_NAME",
                    "log planted-module/target/quarkus-test.log:4 DATE_OF_BIRTH",
                    "log planted-module/target/quarkus-test.log:5 FAMILY_NAME",
                    "log planted-module/target/quarkus-test.log:6 DATE_OF_BIRTH",
                    "log planted-module/target/quarkus-test.log:10 RESTRICTED_TEXT",
                    "error body planted-module/target/privacy-scan/error-bodies.jsonl:1 (422 in PlantedTest#leaks()) FAMILY_NAME",
                    "error body planted-module/target/privacy-scan/error-bodies.jsonl:1 (422 in PlantedTest#leaks()) NHS_NUMBER"));
            String topic = null;
            Properties props = new Properties();
            if (bootstrap != null) {
                topic = "privacy-scan-self-test-" + UUID.randomUUID().toString().substring(0, 8);
                props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
                props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                try (Admin admin = Admin.create(props)) {
                    admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
                }
                try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
                    ProducerRecord<String, String> withHeader = new ProducerRecord<>(topic, "CH-ABCDEFGH23", "{\"ok\":true}");
                    withHeader.headers().add("x-given-name", "Quill".getBytes(StandardCharsets.UTF_8));
                    producer.send(withHeader).get();
                    producer.send(new ProducerRecord<>(topic, "CH-ABCDEFGH23", "{\"dateOfBirth\":\"2019-03-07\"}")).get();
                    producer.send(new ProducerRecord<>(topic, "9434765919", "{\"at\":\"2019-03-07T00:00:00Z\"}")).get();
                    // a contract's own date on a birthday is no leak; a birth field of the same contract is
                    producer.send(new ProducerRecord<>(topic, "CH-ABCDEFGH23", "{\"data\":{\"startDate\":\"2019-03-07\"}}")).get();
                    producer.send(new ProducerRecord<>(topic, "CH-ABCDEFGH23", "{\"data\":{\"dateOfBirth\":\"2019-03-07\"}}")).get();
                    producer.send(new ProducerRecord<>(topic, "CH-ABCDEFGH23",
                            "{\"data\":{\"summary\":\"Attended domestic incident at 02:00, planted\"}}")).get();
                }
                expected.add("topic " + topic + "/0@0 header x-given-name GIVEN_NAME");
                expected.add("topic " + topic + "/0@1 value DATE_OF_BIRTH");
                expected.add("topic " + topic + "/0@2 key NHS_NUMBER");
                expected.add("topic " + topic + "/0@4 value DATE_OF_BIRTH");
                expected.add("topic " + topic + "/0@5 value RESTRICTED_TEXT");
            }
            try {
                Scan scan = PrivacyScan.run(root, bootstrap, Pattern.compile(topic == null ? "(?!)" : Pattern.quote(topic)), today);
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                scan.report(new PrintStream(buffer, true, StandardCharsets.UTF_8));
                String output = buffer.toString(StandardCharsets.UTF_8);
                List<String> found = scan.hits.stream().map(h -> h.source() + " " + h.where() + " " + h.kind()).sorted().toList();
                List<String> problems = new ArrayList<>();
                if (!found.equals(expected.stream().sorted().toList())) {
                    problems.add("hits: expected " + expected.stream().sorted().toList() + " but found " + found);
                }
                int[] counts = { scan.ids.count(Kind.NHS_NUMBER), scan.ids.count(Kind.GIVEN_NAME),
                        scan.ids.count(Kind.FAMILY_NAME), scan.ids.count(Kind.DATE_OF_BIRTH), scan.ids.count(Kind.RESTRICTED_TEXT) };
                // NHS 9434765919 (4010232138 fails the check, on a line without "nhs"); Planted, Quill; O'Leaky,
                // Zephyrine, Testrandomab ("x" is too short to be a name); 2019-03-07 and today/yesterday - 7 years;
                // the police text ("Too short" is not looked for)
                if (!java.util.Arrays.equals(counts, new int[] { 1, 2, 3, 3, 1 })) {
                    problems.add("identifiers: expected [1, 2, 3, 3, 1] but collected " + java.util.Arrays.toString(counts));
                }
                for (String planted : List.of("9434765919", "943 476 5919", "943-476-5919", "Planted", "Quill", "O'Leaky",
                        "Zephyrine", "Testrandomab", "2019-03-07", "07/03/2019", relativeBirth, "domestic incident")) {
                    if (output.replace(planted.equals("Planted") ? "PlantedTest" : "\u0000", "").contains(planted)) {
                        problems.add("the scan's own output shows a planted identifier in full");
                    }
                }
                System.out.print(output.lines().map(l -> "  | " + l).reduce("", (a, b) -> a + b + "\n"));
                problems.forEach(p -> System.out.println("SELF-TEST FAILED: " + p));
                System.out.println(problems.isEmpty()
                        ? "privacy scan self-test: every planted leak found (" + expected.size() + "), no look-alike counted"
                        : "privacy scan self-test: FAILED");
                return problems.isEmpty();
            } finally {
                if (topic != null) {
                    try (Admin admin = Admin.create(props)) {
                        admin.deleteTopics(List.of(topic)).all().get();
                    }
                }
                try (Stream<Path> files = Files.walk(root)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }
}
