package dev.debrief.session;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.awaitility.Awaitility.await;

/**
 * The live groups start at the latest record, and the tests turn the sweep off: an event published before a group
 * has its partitions and its starting offsets would be skipped, and its push never come. A test of the push waits
 * for both first (a fresh application's groups join a little after it starts).
 */
final class LiveGroups {

    private static final List<String> CHANNELS = List.of("sessions-live", "scores-live");
    private static final Duration CALL = Duration.ofSeconds(5);

    private LiveGroups() {
    }

    static void awaitReading(KafkaClientService kafka) {
        for (String channel : CHANNELS) {
            KafkaConsumer<Object, Object> consumer = kafka.getConsumer(channel);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Set<TopicPartition> assigned = consumer.getAssignments().await().atMost(CALL);
                if (assigned.isEmpty()) {
                    return false;
                }
                // resolve where each partition starts now (its end), so nothing published from here on is skipped
                consumer.runOnPollingThread(c -> {
                    assigned.forEach(c::position);
                }).await().atMost(CALL);
                return true;
            });
        }
    }
}
