package dev.debrief.launcher;

import dev.debrief.contracts.TopicDeclaration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the topics declared in the contracts' topics.json (partitions, retention, compaction) on the local broker,
 * before any service starts, so none is auto-created with the broker's defaults. The replication factor is capped at
 * the number of brokers (one here). A topic that exists already gets the declared configuration; its partition count
 * is left alone, since adding partitions would move keys, and with them one session's order.
 */
final class KafkaTopics {

    private static final long TIMEOUT_SECONDS = 30;

    private KafkaTopics() {
    }

    /** @return the names of the topics created (the others existed) */
    static List<String> create(String bootstrap, Collection<TopicDeclaration> declared, int brokers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG, "debrief-launcher"))) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (TopicDeclaration topic : declared) {
                if (existing.contains(topic.name())) {
                    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
                    List<AlterConfigOp> ops = topic.configs().entrySet().stream()
                            .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                            .toList();
                    admin.incrementalAlterConfigs(Map.of(resource, ops)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } else {
                    missing.add(new NewTopic(topic.name(), topic.partitions(),
                            (short) Math.min(topic.replicationFactor(), brokers)).configs(topic.configs()));
                }
            }
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) { // a race with an auto-create is harmless
                        throw e;
                    }
                }
            }
            return missing.stream().map(NewTopic::name).toList();
        } catch (ExecutionException | TimeoutException e) {
            throw new StackException("cannot create the declared Kafka topics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while creating the Kafka topics", e);
        }
    }
}
