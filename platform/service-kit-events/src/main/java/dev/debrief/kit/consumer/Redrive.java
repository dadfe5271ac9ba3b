package dev.debrief.kit.consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Puts the records of a dead-letter topic back on the topic each came from (its {@code dead-letter-topic} header),
 * with its key, value and original headers, once the cause is fixed. Every durable consumer is idempotent on the
 * event id, so a consumer that had applied the event already drops the copy. Progress is kept in the consumer
 * group {@code debrief-redrive.<dead-letter-topic>}: a second run re-drives only what was dead-lettered since.
 * The command is in docs/events.md ("Failures and dead letters").
 */
public final class Redrive {

    private Redrive() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = "localhost:19092";
        String topic = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--bootstrap" -> bootstrap = args[i + 1];
                case "--topic" -> topic = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (topic == null) {
            System.err.println("usage: Redrive [--bootstrap host:port] --topic <dead-letter topic>");
            System.exit(2);
        }
        int count = redrive(bootstrap, topic, Duration.ofMinutes(10));
        System.out.println("re-drove " + count + " record(s) from " + topic);
    }

    /**
     * Re-drives what the topic holds now beyond this tool's last run, and nothing written after it started: a record
     * that fails again is dead-lettered again and waits for the next run instead of going round in a loop.
     *
     * @return how many records were put back
     */
    public static int redrive(String bootstrap, String deadLetterTopic, Duration timeout)
            throws InterruptedException, ExecutionException {
        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "debrief-redrive." + deadLetterTopic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        int count = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig);
                KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic).stream()
                    .map(p -> new TopicPartition(deadLetterTopic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("re-drive of " + deadLetterTopic + " timed out after " + count
                            + " record(s); run it again to go on");
                }
                List<Future<RecordMetadata>> sends = new ArrayList<>();
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < ends.get(partition)) {
                        sends.add(producer.send(putBack(record)));
                        done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                    }
                }
                for (Future<RecordMetadata> sent : sends) {
                    sent.get(); // all written before the offsets move on: a failed run skips nothing
                }
                if (!done.isEmpty()) {
                    consumer.commitSync(done);
                }
                count += sends.size();
                for (TopicPartition partition : partitions) { // polled beyond the snapshot: not this run's
                    if (consumer.position(partition) > ends.get(partition)) {
                        consumer.seek(partition, ends.get(partition));
                    }
                }
            }
        }
        return count;
    }

    static ProducerRecord<String, String> putBack(ConsumerRecord<String, String> record) {
        Header origin = record.headers().lastHeader(DeadLetter.TOPIC);
        if (origin == null) {
            throw new IllegalStateException("record " + record.topic() + "/" + record.partition() + "@"
                    + record.offset() + " has no " + DeadLetter.TOPIC + " header: not a dead letter");
        }
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith("dead-letter-") && !header.key().equals(DeadLetter.REDRIVEN_FROM)) {
                headers.add(header);
            }
        }
        headers.add(DeadLetter.REDRIVEN_FROM, (record.topic() + "/" + record.partition() + "@" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(new String(origin.value(), StandardCharsets.UTF_8), null, record.key(),
                record.value(), headers);
    }
}
