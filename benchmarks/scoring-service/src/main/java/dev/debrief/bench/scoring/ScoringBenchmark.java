package dev.debrief.bench.scoring;

import dev.debrief.contracts.AnswerFormat;
import com.fasterxml.jackson.databind.JsonNode;
import dev.debrief.contracts.EventEnvelope;
import dev.debrief.contracts.EventType;
import dev.debrief.contracts.Json;
import dev.debrief.contracts.Topics;
import dev.debrief.contracts.sessions.AnswerSubmitted;
import dev.debrief.scoring.rubrics.RubricDefinition;
import dev.debrief.scoring.rubrics.RubricSeeder;
import dev.debrief.scoring.scorer.AnswerScorer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Two figures for the scoring-service:
 * <ol>
 * <li>{@code inprocess}: answers scored per second by the scorer alone (OpenNLP + features), on the labelled
 * answers, one thread and two threads;</li>
 * <li>{@code e2e BOOTSTRAP RATE SECONDS}: answer-submitted events published to the real broker at a fixed rate,
 * and the delay until the matching answer-scored event is read back (p50/p99/max); then a burst of answers
 * as fast as the producer goes, for the end-to-end scored-per-second figure.</li>
 * </ol>
 */
public final class ScoringBenchmark {

    /** The per-stage breakdown of the end-to-end delay (one run per JVM). */
    private static final Stages STAGES = new Stages();

    private ScoringBenchmark() {
    }

    record Sample(String rubric, String category, String format, String prompt, String text, JsonNode structured) {
    }

    public static void main(String[] args) throws Exception {
        List<Sample> samples = load(Path.of(args[1]));
        int sentences = Integer.parseInt(System.getenv().getOrDefault("SENTENCES", "0"));
        if (sentences > 0) {
            samples = ofSentences(samples, sentences);
            System.out.printf(Locale.ROOT, "answers: %d free-text answers of exactly %d sentences (labelled answers' "
                    + "sentences joined in order, per rubric)%n", samples.size(), sentences);
        }
        switch (args[0]) {
            case "inprocess" -> inProcess(samples, Integer.parseInt(args.length > 2 ? args[2] : "20000"));
            case "e2e" -> endToEnd(samples, args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]));
            default -> throw new IllegalArgumentException("inprocess | e2e");
        }
    }

    static void inProcess(List<Sample> samples, int count) throws Exception {
        Map<String, RubricDefinition> rubrics = RubricSeeder.read().stream()
                .collect(Collectors.toMap(RubricDefinition::slug, Function.identity()));
        AnswerScorer scorer = AnswerScorer.shared();
        List<Sample> text = samples.stream().filter(s -> "FREE_TEXT".equals(s.format())).toList();
        List<Sample> sql = samples.stream().filter(s -> "SQL".equals(s.format())).toList();
        int words = text.stream().mapToInt(s -> s.text().split("\\s+").length).sum() / text.size();
        System.out.printf(Locale.ROOT, "in-process: %d text answers (mean %d words), %d SQL answers (static inspection)%n",
                text.size(), words, sql.size());
        run(scorer, rubrics, text, Math.min(2_000, count), 1); // warm-up
        for (int threads : new int[] { 1, 2 }) {
            List<Double> rates = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                rates.add(run(scorer, rubrics, text, count, threads));
            }
            System.out.printf(Locale.ROOT, "in-process text answers, %d thread(s): median %.0f answers/s (rounds %s)%n",
                    threads, median(rates), rates.stream().map(r -> String.format(Locale.ROOT, "%.0f", r)).toList());
        }
        if (sql.isEmpty()) {
            return;
        }
        run(scorer, rubrics, sql, 500, 1);
        List<Double> sqlRates = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            sqlRates.add(run(scorer, rubrics, sql, count / 4, 1));
        }
        System.out.printf(Locale.ROOT, "in-process SQL answers (JSqlParser inspection, no sandbox), 1 thread: median %.0f answers/s%n",
                median(sqlRates));
    }

    private static double run(AnswerScorer scorer, Map<String, RubricDefinition> rubrics, List<Sample> samples, int count,
            int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long sentenceCount = 0;
        for (int i = 0; i < count; i++) {
            sentenceCount += sentences(samples.get(i % samples.size()).text());
        }
        long start = System.nanoTime();
        List<Future<Integer>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            final int offset = t;
            parts.add(pool.submit(() -> {
                int levels = 0;
                for (int i = offset; i < count; i += threads) {
                    Sample s = samples.get(i % samples.size());
                    levels += scorer.score(rubrics.get(s.rubric()), new AnswerScorer.AnswerInput(AnswerFormat.orFreeText(s.format()), s.prompt(),
                            s.text(), s.structured()), null).dimensions().size();
                }
                return levels;
            }));
        }
        for (Future<Integer> part : parts) {
            part.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuMs = (os.getProcessCpuTime() - cpuStart) / 1e6;
        pool.shutdown();
        System.out.printf(Locale.ROOT, "  %d answers, %d thread(s): %.0f answers/s, process CPU %.1f ms per answer, "
                + "%.2f ms per sentence (%.1f sentences per answer)%n", count, threads, count / seconds, cpuMs / count,
                cpuMs / sentenceCount, (double) sentenceCount / count);
        return count / seconds;
    }

    static void endToEnd(List<Sample> samples, String bootstrap, int rate, int seconds, int burst) throws Exception {
        List<Sample> text = samples.stream().filter(s -> !"SQL".equals(s.format())).toList();
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> delays = Collections.synchronizedList(new ArrayList<>());
        Stages stages = STAGES;
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread reader = Thread.ofPlatform().start(() -> read(bootstrap, sentAt, delays, stages, reading));
        Thread.sleep(3_000); // the reader's partitions are assigned before the first answer goes out

        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            // a warm service is what users meet: the first thousands of answers also pay for the JIT's compiles
            int warmup = Integer.parseInt(System.getenv().getOrDefault("WARMUP_SECONDS", "30"));
            System.out.printf(Locale.ROOT, "end-to-end: warm-up %d s at %d answers/s%n", warmup, rate);
            paced(producer, text, rate, warmup, sentAt);
            waitFor(sentAt, Duration.ofSeconds(30));
            delays.clear();
            stages.clear();
            System.out.printf(Locale.ROOT, "end-to-end: %d s at %d answers/s%n", seconds, rate);
            long cpuBefore = serviceCpuMs();
            long sentencesSent = 0;
            for (int i = 0; i < rate * seconds; i++) {
                sentencesSent += sentences(text.get(i % text.size()).text());
            }
            paced(producer, text, rate, seconds, sentAt);
            waitFor(sentAt, Duration.ofSeconds(60));
            long cpuAfter = serviceCpuMs();
            if (cpuBefore >= 0) {
                System.out.printf(Locale.ROOT, "scoring-service CPU over the %d s at %d/s: %d ms = %.1f ms per answer, "
                        + "%.2f ms per sentence (%.0f%% of one core)%n", seconds, rate, cpuAfter - cpuBefore,
                        (double) (cpuAfter - cpuBefore) / (rate * seconds), (double) (cpuAfter - cpuBefore) / sentencesSent,
                        100.0 * (cpuAfter - cpuBefore) / (seconds * 1000.0));
            }
            List<Long> measured;
            synchronized (delays) {
                measured = new ArrayList<>(delays);
            }
            Collections.sort(measured);
            System.out.printf(Locale.ROOT, "answer-submitted -> answer-scored at %d/s: n=%d p50 %.1f ms, p90 %.1f ms, "
                    + "p99 %.1f ms, max %.1f ms, unscored %d%n", rate, measured.size(), pct(measured, 50), pct(measured, 90),
                    pct(measured, 99), measured.isEmpty() ? 0 : measured.get(measured.size() - 1) / 1e6, sentAt.size());
            stages.print();

            delays.clear();
            if (burst == 0) {
                return;
            }
            long start = System.nanoTime();
            long burstCpu = serviceCpuMs();
            for (int i = 0; i < burst; i++) {
                send(producer, text.get(i % text.size()), sentAt);
            }
            producer.flush();
            waitFor(sentAt, Duration.ofSeconds(120));
            double secondsTaken = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "end-to-end burst: %d answers scored and published in %.1f s = %.0f answers/s "
                    + "(unscored %d)%n", burst - sentAt.size(), secondsTaken, (burst - sentAt.size()) / secondsTaken,
                    sentAt.size());
            if (burstCpu >= 0) {
                System.out.printf(Locale.ROOT, "scoring-service CPU over the burst: %.1f ms per answer%n",
                        (double) (serviceCpuMs() - burstCpu) / Math.max(1, burst - sentAt.size()));
            }
        } finally {
            reading.set(false);
            reader.join();
        }
    }

    private static void paced(KafkaProducer<String, String> producer, List<Sample> samples, int rate, int seconds,
            Map<String, Long> sentAt) throws InterruptedException {
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        int total = rate * seconds;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            send(producer, samples.get(i % samples.size()), sentAt);
        }
        producer.flush();
    }

    private static void send(KafkaProducer<String, String> producer, Sample s, Map<String, Long> sentAt) {
        UUID session = UUID.randomUUID();
        UUID answer = UUID.randomUUID();
        AnswerSubmitted data = AnswerSubmitted.builder().sessionId(session).answerId(answer).candidate("bench-candidate")
                .question(UUID.randomUUID(), 1).category(s.category()).rubric(s.rubric())
                .answerFormat(AnswerFormat.orFreeText(s.format())).prompt(s.prompt()).text(s.text())
                .structured(s.structured()).roundPosition(1).elapsedSeconds(120).submittedAt(Instant.now()).build();
        EventEnvelope envelope = EventEnvelope.of(EventType.ANSWER_SUBMITTED, "/debrief/session-service",
                session.toString(), "northwind", Instant.now(), Json.mapper().valueToTree(data));
        try {
            String value = Json.mapper().writeValueAsString(envelope);
            STAGES.sentWall.put(answer.toString(), System.currentTimeMillis());
            sentAt.put(answer.toString(), System.nanoTime());
            producer.send(new ProducerRecord<>(Topics.SESSIONS, session.toString(), value));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Where the delay goes, from three clocks of this machine: the send time, the answer-scored event's
     * {@code scoredAt} (inside the scoring transaction) and the output record's timestamp (when the relay handed
     * it to its producer). Milliseconds, so the stages are coarse at the low end.
     */
    static final class Stages {
        final Map<String, Long> sentWall = new ConcurrentHashMap<>();
        final List<Long> consumeAndScore = Collections.synchronizedList(new ArrayList<>());
        final List<Long> commitAndRelay = Collections.synchronizedList(new ArrayList<>());
        final List<Long> deliver = Collections.synchronizedList(new ArrayList<>());

        void record(String answerId, Instant scoredAt, long recordTimestamp, long receivedWall) {
            Long sent = sentWall.remove(answerId);
            if (sent == null) {
                return;
            }
            consumeAndScore.add((scoredAt.toEpochMilli() - sent) * 1_000_000);
            commitAndRelay.add((recordTimestamp - scoredAt.toEpochMilli()) * 1_000_000);
            deliver.add((receivedWall - recordTimestamp) * 1_000_000);
        }

        void clear() {
            consumeAndScore.clear();
            commitAndRelay.clear();
            deliver.clear();
        }

        void print() {
            print("  sent -> scored (poll, inbox, scoring)", consumeAndScore);
            print("  scored -> relayed (rest of the batch, commit, relay pick-up)", commitAndRelay);
            print("  relayed -> read (producer, broker, reader poll)", deliver);
        }

        private static void print(String what, List<Long> values) {
            List<Long> sorted;
            synchronized (values) {
                sorted = new ArrayList<>(values);
            }
            Collections.sort(sorted);
            System.out.printf(Locale.ROOT, "%s: p50 %.0f ms, p90 %.0f ms, p99 %.0f ms%n", what, pct(sorted, 50),
                    pct(sorted, 90), pct(sorted, 99));
        }
    }

    private static void read(String bootstrap, Map<String, Long> sentAt, List<Long> delays, Stages stages,
            AtomicBoolean reading) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(Topics.SCORES));
            while (reading.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(20))) {
                    long now = System.nanoTime();
                    try {
                        JsonNode event = Json.mapper().readTree(record.value());
                        if (event.path("type").asText().endsWith("answer-scored")) {
                            String answerId = event.path("data").path("answerId").asText();
                            Long sent = sentAt.remove(answerId);
                            if (sent != null) {
                                delays.add(now - sent);
                                stages.record(answerId, Instant.parse(event.path("data").path("scoredAt").asText()),
                                        record.timestamp(), System.currentTimeMillis());
                            }
                        }
                    } catch (Exception e) {
                        // not ours
                    }
                }
            }
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    private static void waitFor(Map<String, Long> pending, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!pending.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static final java.util.regex.Pattern SENTENCE_END = java.util.regex.Pattern.compile("(?<=[.!?])\\s+");

    static int sentences(String text) {
        return SENTENCE_END.split(text.strip()).length;
    }

    /** Free-text answers of exactly n sentences: each rubric's labelled free-text sentences, in order, n at a time. */
    static List<Sample> ofSentences(List<Sample> samples, int n) {
        Map<String, List<Sample>> byRubric = new java.util.TreeMap<>();
        samples.stream().filter(s -> "FREE_TEXT".equals(s.format()))
                .forEach(s -> byRubric.computeIfAbsent(s.rubric(), k -> new ArrayList<>()).add(s));
        List<Sample> out = new ArrayList<>();
        byRubric.forEach((rubric, answers) -> {
            List<String> all = new ArrayList<>();
            answers.forEach(a -> all.addAll(List.of(SENTENCE_END.split(a.text().strip()))));
            for (int from = 0; from + n <= all.size(); from += n) {
                Sample first = answers.get(0);
                out.add(new Sample(rubric, first.category(), "FREE_TEXT", first.prompt(),
                        String.join(" ", all.subList(from, from + n)), null));
            }
        });
        Collections.shuffle(out, new java.util.Random(14));
        return out;
    }

    /** The scoring-service's CPU time so far in ms (utime + stime of /proc/PID/stat), or -1 without SCORING_PID. */
    static long serviceCpuMs() {
        String pid = System.getenv("SCORING_PID");
        if (pid == null) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10; // fields 14 and 15, at 100 ticks per second
        } catch (Exception e) {
            return -1;
        }
    }

    private static List<Sample> load(Path labelled) throws Exception {
        List<Sample> samples = new ArrayList<>();
        for (String line : Files.readAllLines(labelled)) {
            if (!line.isBlank()) {
                JsonNode row = Json.mapper().readTree(line);
                samples.add(new Sample(row.get("rubric").asText(), row.get("category").asText(),
                        row.get("answerFormat").asText(), row.get("prompt").asText(), row.get("answer").asText(),
                        row.get("structured")));
            }
        }
        return samples;
    }
}
