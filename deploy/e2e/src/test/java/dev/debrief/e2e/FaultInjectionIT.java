package dev.debrief.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.debrief.launcher.Faults;
import dev.debrief.launcher.Stack;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults on the real stack while candidates run loops (issue #15, item 2). Six candidates run self-practice loops
 * through the gateway, each with a live socket that resumes after a drop, while in turn: Kafka is stopped for 30 s;
 * scoring-service is SIGKILLed while answers wait to be scored; PostgreSQL is restarted; one of the two
 * session-service replicas is SIGKILLed with sockets open. Then, once the stack is quiet: every answer the API
 * accepted is scored exactly once, every event is applied once by each durable consumer, each session's timeline
 * has no gap and no repeat, and each socket client saw every entry in order. Prints the counts.
 *
 * <p>Runs last among the end-to-end tests ({@link FaultsLast}): its faults end with everything restarted, but a
 * later test would otherwise meet a stack still catching up.
 */
class FaultInjectionIT {

    private static final int CANDIDATES_PER_USER = 2;
    private static final List<String> USERS = List.of("cara", "sam", "uma");
    private static final Duration KAFKA_DOWN = Duration.ofSeconds(30);
    /** Generous: how long the stack may take to become quiet after a fault; no assertion is made on speed. */
    private static final Duration RECOVERY = Duration.ofMinutes(4);
    private static final Duration MID_BATCH_WAIT = Duration.ofSeconds(60);
    private static final String SECOND_REPLICA = "session-service-2";

    private final List<String> problems = new CopyOnWriteArrayList<>();

    @Test
    void shouldLoseAndDoubleNothingWhileKafkaScoringPostgresAndASessionReplicaFail() throws Exception {
        Stack stack = SharedStack.get();
        assertEquals(2, stack.config().sessionReplicas(), "the e2e stack runs two session-service replicas (deploy/e2e/pom.xml)");
        Faults faults = stack.faults();
        RealKeycloak keycloak = SharedStack.keycloak();
        int gateway = SharedStack.ports().gateway();

        AtomicBoolean stop = new AtomicBoolean();
        List<LoadCandidate> load = new ArrayList<>();
        ExecutorService runners = Executors.newFixedThreadPool(USERS.size() * CANDIDATES_PER_USER);
        for (String user : USERS) {
            Supplier<String> token = new CachedToken(keycloak, user);
            for (int i = 0; i < CANDIDATES_PER_USER; i++) {
                LoadCandidate candidate = new LoadCandidate(gateway, token, stop, problems);
                load.add(candidate);
                runners.submit(candidate);
            }
        }
        try (Database db = new Database(SharedStack.ports().postgres())) {
            await("the load under way", () -> submitted(load) >= load.size());

            step("(a) Kafka stopped for " + KAFKA_DOWN.toSeconds() + " s", () -> {
                faults.stop("Kafka");
                sleep(KAFKA_DOWN);
                faults.start("Kafka");
            });
            awaitCaughtUp(db, load);

            // mid-batch where the load allows: on an idle machine scoring often finishes an answer before the client
            // has counted it, so the moment may never be caught; then it dies between answers. Either way answers
            // are accepted while it is down, and each must be scored exactly once after the restart.
            boolean midBatch = within(MID_BATCH_WAIT, () -> submitted(load) > db.scoredAnswers(sessions(load)));
            step("(b) scoring-service SIGKILLed " + (midBatch ? "with answers waiting" : "between answers"),
                    () -> faults.kill("scoring-service"));
            await("answers accepted while scoring-service is down",
                    () -> submitted(load) > db.scoredAnswers(sessions(load)));
            step("(b) scoring-service restarted", () -> faults.start("scoring-service"));
            awaitCaughtUp(db, load);

            step("(c) PostgreSQL restarted", () -> faults.restart("PostgreSQL"));
            awaitCaughtUp(db, load);

            int connectionsBefore = connections(load);
            await("sockets open on " + SECOND_REPLICA, () -> openSockets(stack.config().sessionPorts().get(1)) > 0);
            double onSecond = openSockets(stack.config().sessionPorts().get(1));
            step("(d) " + SECOND_REPLICA + " SIGKILLed with " + (int) onSecond + " sockets open on it", () -> faults.kill(SECOND_REPLICA));
            await("its clients reconnected through the gateway", () -> connections(load) >= connectionsBefore + onSecond);
            System.out.printf("FaultInjectionIT: %d socket reconnections after the replica died%n", connections(load) - connectionsBefore);
            awaitCaughtUp(db, load);
            faults.start(SECOND_REPLICA); // the stack whole again

            stop.set(true); // each candidate finishes the loop it is in
            runners.shutdown();
            assertTrue(runners.awaitTermination(RECOVERY.toMinutes(), TimeUnit.MINUTES), "the load finished its loops");
            assertEquals(List.of(), problems, "the load's clients got through every fault by retrying");

            List<String> sessions = sessions(load);
            await("the stack quiet: every answer scored, every event relayed and applied, every socket caught up",
                    () -> db.isQuiet(sessions) && feedsCaughtUp(db, load));
            // not asserted (yet): after the Kafka outage a replica's live channel can stay failed, see docs/reliability.md
            for (int port : stack.config().sessionPorts()) {
                System.out.printf("FaultInjectionIT: session-service on %d answers %d on /q/health/ready%n", port, readiness(port));
            }
            verify(db, load, sessions);
        } finally {
            stop.set(true);
            runners.shutdownNow();
            load.forEach(candidate -> candidate.feeds().forEach(ResumingFeed::close));
            for (String part : faults.parts()) {
                if (!faults.isUp(part)) {
                    faults.start(part);
                }
            }
        }
    }

    private void verify(Database db, List<LoadCandidate> load, List<String> sessions) throws SQLException {
        int submitted = submitted(load);
        Map<String, Integer> scores = db.scoresPerSubmittedAnswer(sessions);
        long lost = scores.values().stream().filter(n -> n == 0).count();
        long doubled = scores.values().stream().filter(n -> n > 1).count()
                + db.answersScoredTwiceInTimelines(sessions) + db.answersSubmittedTwice(sessions);
        long scored = scores.values().stream().filter(n -> n == 1).count();
        Map<String, int[]> inboxes = db.appliedPerConsumer(sessions);
        System.out.printf("FaultInjectionIT: %d sessions, submitted %d, scored %d, lost %d, doubled %d; "
                        + "client retries %d; events applied per durable consumer (applied/published) %s%n",
                sessions.size(), submitted, scored, lost, doubled, load.stream().mapToInt(LoadCandidate::retries).sum(),
                inboxes.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()[0] + "/" + e.getValue()[1]).toList());

        assertEquals(submitted, scores.size(), "every answer the API accepted is stored as submitted, and no other");
        assertEquals(0, lost, "answers never scored");
        assertEquals(0, doubled, "answers scored or submitted twice");
        inboxes.forEach((consumer, counts) -> assertEquals(counts[1], counts[0],
                consumer + ": every event published for these sessions is applied (once: the inbox's key)"));
        assertEquals(0, db.unpublished(sessions), "the outboxes relayed every event");

        List<String> feedProblems = new ArrayList<>();
        for (LoadCandidate candidate : load) {
            for (ResumingFeed feed : candidate.feeds()) {
                List<ResumingFeed.Entry> timeline = db.timeline(feed.sessionId());
                for (int i = 0; i < timeline.size(); i++) {
                    if (timeline.get(i).seq() != i + 1) {
                        feedProblems.add("session " + feed.sessionId() + ": timeline seq " + timeline.get(i).seq()
                                + " at position " + (i + 1) + " (a gap or a repeat)");
                        break;
                    }
                }
                feedProblems.addAll(feed.violations());
                if (!feed.received().equals(timeline)) {
                    feedProblems.add("session " + feed.sessionId() + ": its socket client received " + feed.received().size()
                            + " entries, not the timeline's " + timeline.size() + " in order");
                }
            }
        }
        assertEquals(List.of(), feedProblems, "timelines without gaps or repeats, each sent whole and in order");
    }

    private boolean feedsCaughtUp(Database db, List<LoadCandidate> load) {
        try {
            for (LoadCandidate candidate : load) {
                for (ResumingFeed feed : candidate.feeds()) {
                    if (feed.lastSeq() < db.lastSeq(feed.sessionId())) {
                        return false;
                    }
                }
            }
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** After a fault: wait until every answer accepted so far is scored (the load goes on meanwhile). */
    private void awaitCaughtUp(Database db, List<LoadCandidate> load) {
        int submittedNow = submitted(load);
        await(submittedNow + " answers scored", () -> db.scoredAnswers(sessions(load)) >= submittedNow);
    }

    private static void step(String what, Runnable fault) {
        long began = System.nanoTime();
        fault.run();
        System.out.printf("FaultInjectionIT: %s (%d s)%n", what, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began));
    }

    private void await(String what, BooleanSupplier condition) {
        long began = System.nanoTime();
        long deadline = began + RECOVERY.toNanos();
        while (!quietly(condition)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + RECOVERY.toMinutes() + " min: " + what + "; load problems " + problems);
            }
            sleep(Duration.ofMillis(500));
        }
        System.out.printf("FaultInjectionIT: %s after %d s%n", what, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began));
    }

    /** Whether the condition held at some check within the wait; no failure if it never did. */
    private static boolean within(Duration wait, BooleanSupplier condition) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            if (quietly(condition)) {
                return true;
            }
            sleep(Duration.ofMillis(100));
        }
        return false;
    }

    private static boolean quietly(BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (RuntimeException e) {
            return false; // PostgreSQL or a service away: not yet
        }
    }

    private static int submitted(List<LoadCandidate> load) {
        return load.stream().mapToInt(LoadCandidate::submitted).sum();
    }

    private static int connections(List<LoadCandidate> load) {
        return load.stream().flatMap(c -> c.feeds().stream()).mapToInt(ResumingFeed::connections).sum();
    }

    private static List<String> sessions(List<LoadCandidate> load) {
        return load.stream().flatMap(c -> c.feeds().stream()).map(ResumingFeed::sessionId).toList();
    }

    private static int readiness(int port) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** The open-sockets gauge of one replica, read from its own /q/metrics. */
    private static double openSockets(int port) {
        try {
            HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/q/metrics")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return metrics.body().lines().filter(line -> line.startsWith("debrief_live_sockets_open"))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
        } catch (IOException | RuntimeException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One user's token, fetched again well before it expires (the realm's tokens live 15 min). */
    private static final class CachedToken implements Supplier<String> {
        private final RealKeycloak keycloak;
        private final String user;
        private String token;
        private long fetchedAt;

        CachedToken(RealKeycloak keycloak, String user) {
            this.keycloak = keycloak;
            this.user = user;
        }

        @Override
        public synchronized String get() {
            if (token == null || System.nanoTime() - fetchedAt > TimeUnit.MINUTES.toNanos(5)) {
                token = keycloak.userToken(user);
                fetchedAt = System.nanoTime();
            }
            return token;
        }
    }

    /**
     * The services' own tables, read as an auditor would: a fresh connection per question, so a PostgreSQL
     * restart costs a failed read, not the test.
     */
    private static final class Database implements AutoCloseable {

        /** Which session events each scoring-service inbox consumer applies, and the one score event session-service's applies. */
        private static final Map<String, List<String>> CONSUMED = Map.of(
                "scoring.answer-submitted", List.of("session", "dev.debrief.session.answer-submitted"),
                "scoring.session-scope", List.of("session", "dev.debrief.session.created", "dev.debrief.session.panel-changed"),
                "scoring.session-completed", List.of("session", "dev.debrief.session.completed"),
                "session-service.scores", List.of("scoring", "dev.debrief.score.answer-scored"));
        private static final Map<String, String> CONSUMER_SCHEMA = Map.of(
                "scoring.answer-submitted", "scoring", "scoring.session-scope", "scoring",
                "scoring.session-completed", "scoring", "session-service.scores", "session");

        private final String url;

        Database(int port) {
            this.url = "jdbc:postgresql://localhost:" + port + "/debrief";
        }

        private Connection connect() throws SQLException {
            return DriverManager.getConnection(url, "debrief", "debrief");
        }

        private static Array uuids(Connection c, List<String> sessions) throws SQLException {
            return c.createArrayOf("uuid", sessions.toArray());
        }

        /** Answers of these sessions with an automated score (a count that cannot see doubles: see scoresPerSubmittedAnswer). */
        int scoredAnswers(List<String> sessions) {
            try (Connection c = connect(); PreparedStatement q = c.prepareStatement(
                    "select count(distinct answer_id) from scoring.answer_score where session_id = any(?)")) {
                q.setArray(1, uuids(c, sessions));
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Every answer session-service holds as submitted, with how many scores scoring-service stored for it. */
        Map<String, Integer> scoresPerSubmittedAnswer(List<String> sessions) throws SQLException {
            Map<String, Integer> scores = new TreeMap<>();
            try (Connection c = connect(); PreparedStatement q = c.prepareStatement("""
                    select a.id, (select count(*) from scoring.answer_score s where s.answer_id = a.id)
                    from session.answer a where a.session_id = any(?) and a.submitted_at is not null""")) {
                q.setArray(1, uuids(c, sessions));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        scores.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            return scores;
        }

        /** Answers with more than one answer-scored entry in their session's timeline. */
        long answersScoredTwiceInTimelines(List<String> sessions) throws SQLException {
            return countRepeats(sessions, "answer-scored", "answerId");
        }

        /** Answers with more than one answer-submitted entry in their session's timeline. */
        long answersSubmittedTwice(List<String> sessions) throws SQLException {
            return countRepeats(sessions, "answer-submitted", "answerId");
        }

        private long countRepeats(List<String> sessions, String type, String field) throws SQLException {
            Map<String, Integer> seen = new HashMap<>();
            try (Connection c = connect(); PreparedStatement q = c.prepareStatement(
                    "select session_id, data from session.timeline_entry where session_id = any(?) and type = ?")) {
                q.setArray(1, uuids(c, sessions));
                q.setString(2, type);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        JsonNode data = Api.JSON.readTree(rs.getString(2));
                        seen.merge(rs.getString(1) + "/" + data.path(field).asText(), 1, Integer::sum);
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return seen.values().stream().filter(n -> n > 1).count();
        }

        /** Per durable consumer: {events of its types that the producer's outbox holds for these sessions and that it applied, those events}. */
        Map<String, int[]> appliedPerConsumer(List<String> sessions) throws SQLException {
            Map<String, int[]> counts = new TreeMap<>();
            try (Connection c = connect()) {
                for (Map.Entry<String, List<String>> consumer : CONSUMED.entrySet()) {
                    String producer = consumer.getValue().get(0);
                    List<String> types = consumer.getValue().subList(1, consumer.getValue().size());
                    try (PreparedStatement q = c.prepareStatement("select count(*), count(p.event_id) from " + producer
                            + ".outbox_event o left join " + CONSUMER_SCHEMA.get(consumer.getKey()) + ".processed_event p"
                            + " on p.event_id = o.event_id::text and p.consumer = ?"
                            // the outbox also holds each event's analytics projection (its own id, another topic),
                            // which no durable consumer applies: count the events of the consumed topics only
                            + " where o.message_key = any(?) and o.event_type = any(?) and o.topic <> '"
                            + dev.debrief.contracts.Topics.ANALYTICS + "'")) {
                        q.setString(1, consumer.getKey());
                        q.setArray(2, c.createArrayOf("varchar", sessions.toArray()));
                        q.setArray(3, c.createArrayOf("varchar", types.toArray()));
                        try (ResultSet rs = q.executeQuery()) {
                            rs.next();
                            counts.put(consumer.getKey(), new int[]{rs.getInt(2), rs.getInt(1)});
                        }
                    }
                }
            }
            return counts;
        }

        int unpublished(List<String> sessions) throws SQLException {
            int count = 0;
            try (Connection c = connect()) {
                for (String schema : List.of("session", "scoring")) {
                    try (PreparedStatement q = c.prepareStatement("select count(*) from " + schema
                            + ".outbox_event where message_key = any(?) and published_at is null")) {
                        q.setArray(1, c.createArrayOf("varchar", sessions.toArray()));
                        try (ResultSet rs = q.executeQuery()) {
                            rs.next();
                            count += rs.getInt(1);
                        }
                    }
                }
            }
            return count;
        }

        /** Quiet: every submitted answer scored, both outboxes relayed, every consumer caught up. */
        boolean isQuiet(List<String> sessions) {
            try {
                Map<String, Integer> scores = scoresPerSubmittedAnswer(sessions);
                return scores.values().stream().allMatch(n -> n >= 1) && unpublished(sessions) == 0
                        && appliedPerConsumer(sessions).values().stream().allMatch(n -> n[0] == n[1]);
            } catch (SQLException e) {
                return false;
            }
        }

        List<ResumingFeed.Entry> timeline(String session) throws SQLException {
            List<ResumingFeed.Entry> entries = new ArrayList<>();
            try (Connection c = connect(); PreparedStatement q = c.prepareStatement(
                    "select seq, type from session.timeline_entry where session_id = ?::uuid order by seq")) {
                q.setString(1, session);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new ResumingFeed.Entry(rs.getLong(1), rs.getString(2)));
                    }
                }
            }
            return entries;
        }

        long lastSeq(String session) throws SQLException {
            try (Connection c = connect(); PreparedStatement q = c.prepareStatement(
                    "select coalesce(max(seq), 0) from session.timeline_entry where session_id = ?::uuid")) {
                q.setString(1, session);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }

        @Override
        public void close() {
            // nothing held: a connection per question
        }
    }
}
