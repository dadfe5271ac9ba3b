package dev.debrief.kit.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Lag of this service's durable consumer groups (records on the broker the group has not committed yet, per topic)
 * and the number of records in its dead-letter topics, asked of the broker on a schedule. The groups and topics
 * are configured ({@code debrief.metrics.consumer-groups}, {@code debrief.metrics.dead-letter-topics}); a service
 * with neither asks nothing. While Kafka is away the gauges keep their last reading.
 */
@Startup
@ApplicationScoped
public class KafkaLagGauges {

    private static final long TIMEOUT_SECONDS = 5;

    private final MeterRegistry registry;
    private final List<String> groups;
    private final List<String> deadLetterTopics;
    private final String bootstrap;
    private final Map<Tags, AtomicLong> values = new ConcurrentHashMap<>();
    private volatile Admin admin;

    public KafkaLagGauges(MeterRegistry registry,
            @ConfigProperty(name = "debrief.metrics.consumer-groups") Optional<List<String>> groups,
            @ConfigProperty(name = "debrief.metrics.dead-letter-topics") Optional<List<String>> deadLetterTopics,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.registry = registry;
        this.groups = groups.orElse(List.of());
        this.deadLetterTopics = deadLetterTopics.orElse(List.of());
        this.bootstrap = bootstrap;
        this.deadLetterTopics.forEach(topic -> gauge("debrief.kafka.dead.letters", Tags.of("topic", topic),
                "Records in a dead-letter topic (dead-lettered and kept for re-drive)"));
    }

    @Scheduled(every = "${debrief.metrics.kafka-every:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        if (groups.isEmpty() && deadLetterTopics.isEmpty()) {
            return;
        }
        try {
            Admin kafka = admin();
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                Map<TopicPartition, Long> ends = ends(kafka, committed.keySet(), OffsetSpec.latest());
                Map<String, Long> lagByTopic = new HashMap<>();
                committed.forEach((partition, offset) -> lagByTopic.merge(partition.topic(),
                        Math.max(0, ends.getOrDefault(partition, 0L) - (offset == null ? 0 : offset.offset())), Long::sum));
                lagByTopic.forEach((topic, lag) -> gauge("debrief.kafka.consumer.lag",
                        Tags.of("group", group, "topic", topic), "Records not yet consumed by a durable consumer group")
                        .set(lag));
            }
            if (!deadLetterTopics.isEmpty()) {
                var descriptions = kafka.describeTopics(deadLetterTopics).allTopicNames()
                        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                Set<TopicPartition> partitions = descriptions.values().stream()
                        .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                        .collect(Collectors.toSet());
                Map<TopicPartition, Long> ends = ends(kafka, partitions, OffsetSpec.latest());
                Map<TopicPartition, Long> starts = ends(kafka, partitions, OffsetSpec.earliest());
                for (String topic : deadLetterTopics) {
                    long count = partitions.stream().filter(p -> p.topic().equals(topic))
                            .mapToLong(p -> ends.getOrDefault(p, 0L) - starts.getOrDefault(p, 0L)).sum();
                    values.get(Tags.of("topic", topic)).set(count);
                }
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // Kafka is away or a topic does not exist yet: keep the last reading
        }
    }

    private static Map<TopicPartition, Long> ends(Admin kafka, Set<TopicPartition> partitions, OffsetSpec spec)
            throws Exception {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        return kafka.listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec)))
                .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private AtomicLong gauge(String name, Tags tags, String description) {
        return values.computeIfAbsent(tags, t -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(name, value, AtomicLong::get).tags(t).description(description).register(registry);
            return value;
        });
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000,
                    AdminClientConfig.CLIENT_ID_CONFIG, "debrief-metrics"));
        }
        return admin;
    }

    void stop(@Observes ShutdownEvent event) {
        Admin kafka = admin;
        if (kafka != null) {
            kafka.close(java.time.Duration.ofSeconds(2));
        }
    }
}
