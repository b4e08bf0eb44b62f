import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the topics of topics.txt and their .dlq twins, once per prefix; existing topics are left alone.
 * Run with the broker's jars on the class path: java -cp 'libs/*' CreateTopics.java BOOTSTRAP topics.txt [PREFIX...]
 */
public class CreateTopics {
    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        List<String> prefixes = args.length > 2 ? List.of(args).subList(2, args.length) : List.of("");
        List<NewTopic> wanted = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
            String[] parts = trimmed.split("\\s+");
            for (String prefix : prefixes) {
                String name = prefix.replace("\"", "") + parts[0];
                // the exchange's topics are its event log (replayable); test topics need not live for ever
                String retention = prefix.isBlank() ? "-1" : String.valueOf(7L * 24 * 3600 * 1000);
                wanted.add(new NewTopic(name, Integer.parseInt(parts[1]), (short) 1).configs(Map.of("retention.ms", retention)));
                wanted.add(new NewTopic(name + ".dlq", 1, (short) 1).configs(Map.of("retention.ms", retention)));
            }
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get();
                    System.out.println("  created topic " + entry.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) throw e;
                }
            }
            System.out.println("  topics ready: " + wanted.size() + " (" + missing.size() + " new)");
        }
    }
}
