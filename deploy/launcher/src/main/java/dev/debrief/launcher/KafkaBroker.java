package dev.debrief.launcher;

import dev.debrief.contracts.TopicDeclaration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A real single-node KRaft Kafka (broker and controller in one JVM) from the jars the kafka-runtime module
 * resolved. Its storage in {@code <home>/kafka/data} is formatted once, on the first start, and kept.
 */
final class KafkaBroker implements Component {

    static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final String READY_LINE = "Kafka Server started";

    private final ChildProcess process;

    private KafkaBroker(ChildProcess process) {
        this.process = process;
    }

    static KafkaBroker start(StackConfig config, Readiness readiness, Progress progress) {
        Path kafkaHome = config.home().resolve("kafka");
        Path data = kafkaHome.resolve("data");
        Path conf = kafkaHome.resolve("config");
        String classpath = Distributions.kafkaClasspath();
        Path serverProperties = conf.resolve("server.properties");
        Path brokerLogging = conf.resolve("log4j2.properties");
        Path toolsLogging = conf.resolve("tools-log4j2.properties");
        try {
            Files.createDirectories(data);
            Files.createDirectories(conf);
            Files.writeString(serverProperties, serverProperties(config.ports(), data));
            Files.writeString(brokerLogging, BROKER_LOGGING);
            Files.writeString(toolsLogging, TOOLS_LOGGING);
        } catch (IOException e) {
            throw new StackException("cannot write Kafka's configuration in " + conf + ": " + e.getMessage(), e);
        }

        if (!Files.exists(data.resolve("meta.properties"))) {
            progress.step("Kafka", "formatting its storage (first start)");
            ChildProcess format = ChildProcess.start("kafka-format", List.of(JavaRuntime.java(),
                            "-Dlog4j2.configurationFile=" + toolsLogging, "-cp", classpath,
                            "kafka.tools.StorageTool", "format", "--standalone",
                            "-t", newClusterId(), "-c", serverProperties.toString()),
                    Map.of(), kafkaHome, config.logs().resolve("kafka-format.log"));
            if (format.awaitExit(Duration.ofSeconds(60)) != 0) {
                throw new StackException("formatting Kafka's storage failed: " + format.tail(5).replace('\n', ' ')
                        + " (log: " + format.log() + ")");
            }
        }

        ChildProcess broker = ChildProcess.start("kafka", List.of(JavaRuntime.java(),
                        "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                        "-Dlog4j2.configurationFile=" + brokerLogging, "-cp", classpath,
                        "kafka.Kafka", serverProperties.toString()),
                Map.of(), kafkaHome, config.logs().resolve("kafka.log"));
        KafkaBroker kafka = new KafkaBroker(broker);
        try {
            readiness.awaitLogLine(broker, READY_LINE, READY_TIMEOUT);
            readiness.awaitPort(broker, config.ports().kafka(), Duration.ofSeconds(10));
            List<String> created = KafkaTopics.create("127.0.0.1:" + config.ports().kafka(), TopicDeclaration.all(), 1);
            if (!created.isEmpty()) {
                progress.step("Kafka", "created the declared topics " + String.join(", ", created));
            }
        } catch (RuntimeException e) {
            kafka.stop();
            throw e;
        }
        return kafka;
    }

    /** The same shape as Kafka's own Uuid: 16 random bytes, URL-safe base64; never starting with '-', which a CLI would take for an option. */
    static String newClusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }

    static String serverProperties(Ports ports, Path data) {
        return """
                # Written by the Debrief launcher on every start (edit the launcher, not this file).
                # Single-node KRaft, Kafka 4.x: broker and controller in one process, dynamic quorum formatted --standalone.
                process.roles=broker,controller
                node.id=1
                controller.quorum.bootstrap.servers=127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                log.dirs=%3$s
                num.partitions=1
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                auto.create.topics.enable=true
                """.formatted(ports.kafka(), ports.kafkaController(), data);
    }

    private static final String BROKER_LOGGING = """
            # The broker logs to stdout, which the launcher writes to logs/kafka.log.
            status = warn
            appender.console.type = Console
            appender.console.name = STDOUT
            appender.console.layout.type = PatternLayout
            appender.console.layout.pattern = [%d] %p %m (%c)%n
            rootLogger.level = INFO
            rootLogger.appenderRef.stdout.ref = STDOUT
            logger.kafka.name = kafka
            logger.kafka.level = INFO
            logger.ak.name = org.apache.kafka
            logger.ak.level = INFO
            """;

    /** Like Kafka's own tools logging: WARN to stderr, so a tool's stdout carries only its output. */
    private static final String TOOLS_LOGGING = """
            status = warn
            appender.stderr.type = Console
            appender.stderr.name = STDERR
            appender.stderr.target = SYSTEM_ERR
            appender.stderr.layout.type = PatternLayout
            appender.stderr.layout.pattern = [%d] %p %m (%c)%n
            rootLogger.level = WARN
            rootLogger.appenderRef.stderr.ref = STDERR
            """;

    @Override
    public String name() {
        return "Kafka";
    }

    @Override
    public void stop() {
        process.stop(Duration.ofSeconds(20));
    }

    @Override
    public void kill() {
        process.kill();
    }
}
