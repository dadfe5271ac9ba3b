package dev.debrief.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;

import java.util.Map;

/**
 * A real single-node Kafka KRaft broker inside the test JVM (Kafka's own test kit), started once per
 * JVM like {@link PostgresResource}.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private static KafkaClusterTestKit cluster;

    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            // a broker that fails while the JVM shuts down calls Exit.halt(1), which would turn a green test run
            // into a failed fork; Kafka's own tests replace these procedures the same way
            Exit.setExitProcedure((code, message) -> System.err.println("test broker asked to exit " + code + ": " + message));
            Exit.setHaltProcedure((code, message) -> System.err.println("test broker asked to halt " + code + ": " + message));
            try {
                cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .build())
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("offsets.topic.num.partitions", "1")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .setConfigProp("auto.create.topics.enable", "true")
                        .build();
                cluster.format();
                cluster.startup();
                cluster.waitForReadyBrokers();
            } catch (Exception e) {
                throw new IllegalStateException("could not start the in-JVM Kafka broker", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(KafkaResource::close));
        }
        return cluster.bootstrapServers();
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // kept for the next app start in this JVM; closed by the shutdown hook
    }

    private static synchronized void close() {
        try {
            cluster.close();
        } catch (Exception ignored) {
            // the JVM is exiting
        }
    }
}
