import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Live-push benchmark of session-service (single-file Java program, JDK 21+, no dependencies).
 *
 * It stands in for question-service (a tiny catalog on CATALOG_PORT), creates SESSIONS coached sessions
 * (coach colin, candidate cara, firm northwind; real tokens from the realm's Keycloak, password grant of the
 * public debrief-web client with the demo users) and starts them, opens one candidate WebSocket per session (spread over the replicas given), then the coach posts
 * follow-ups at RATE per second for SECONDS, round-robin over sessions and over replicas, each carrying
 * its send time. Each socket checks that seq grows by exactly one (no loss, no reorder, no duplicate) and
 * the delay from the POST being sent to the message arriving is recorded, split into same-replica and
 * cross-replica deliveries. With WARMUP=n (environment) the same load runs n seconds first, unmeasured.
 *
 * Usage: java LiveLoad.java <keycloak-realm-url> <replica-url,replica-url,...> <sessions> <rate> <seconds> <catalog-port>
 *        [<replica-pid,replica-pid,...> <infrastructure-launcher-pid,postmaster-pid>]
 *
 * With the pids it also prints the CPU time each process group used while the load ran (from /proc), per
 * accepted interjection: the replicas, PostgreSQL, Kafka, Keycloak and this load program.
 */
public class LiveLoad {

    static final HttpClient HTTP = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4))
            .connectTimeout(Duration.ofSeconds(10)).build();
    static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");
    static final Pattern TYPE = Pattern.compile("\"type\":\"([a-z-]+)\"");
    static final Pattern SENT = Pattern.compile("probe (\\d+) (\\d+) (\\d+)");

    public static void main(String[] args) throws Exception {
        String realm = args[0];
        List<String> replicas = Arrays.asList(args[1].split(","));
        int sessions = Integer.parseInt(args[2]);
        int rate = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int catalogPort = Integer.parseInt(args[5]);
        int warmup = Integer.parseInt(System.getenv().getOrDefault("WARMUP", "0"));
        // optional: the replicas' pids and the infrastructure's (launcher, postmaster), for CPU accounting
        List<Long> replicaPids = args.length > 6 && !args[6].isBlank()
                ? Arrays.stream(args[6].split(",")).map(Long::parseLong).toList() : List.of();
        List<Long> infraPids = args.length > 7 ? Arrays.stream(args[7].split(",")).map(Long::parseLong).toList() : List.of();

        startCatalog(catalogPort);
        String candidate = token(realm, "cara");
        String caraId = subjectOf(candidate);
        // access tokens live minutes: the coach's is renewed while the load runs
        String[] coachToken = { token(realm, "colin") };
        var renew = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "token-renewal");
            t.setDaemon(true);
            return t;
        });
        renew.scheduleAtFixedRate(() -> {
            try {
                coachToken[0] = token(realm, "colin");
            } catch (Exception e) {
                System.err.println("token renewal failed: " + e);
            }
        }, 60, 60, TimeUnit.SECONDS);
        String coach = coachToken[0];

        System.out.printf("creating and starting %d coached sessions on %s%n", sessions, replicas);
        String[] ids = new String[sessions];
        var pool = Executors.newFixedThreadPool(8);
        AtomicInteger made = new AtomicInteger();
        for (int i = 0; i < sessions; i++) {
            int n = i;
            pool.submit(() -> {
                String base = replicas.get(n % replicas.size());
                String body = "{\"mode\":\"COACHED\",\"candidateId\":\"" + caraId
                        + "\",\"candidateName\":\"cara\",\"questions\":[{\"id\":\"" + UUID.randomUUID() + "\"}]}";
                HttpResponse<String> created = post(base + "/api/sessions", coach, body, null);
                if (created.statusCode() != 201) {
                    throw new IllegalStateException("create: " + created.statusCode() + " " + created.body());
                }
                String id = created.body().replaceAll("(?s)^\\{\"id\":\"([0-9a-f-]+)\".*", "$1");
                HttpResponse<String> started = post(base + "/api/sessions/" + id + "/start", coach, "", "\"0\"");
                if (started.statusCode() != 200) {
                    throw new IllegalStateException("start: " + started.statusCode() + " " + started.body());
                }
                ids[n] = id;
                made.incrementAndGet();
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        if (made.get() != sessions) {
            throw new IllegalStateException("only " + made.get() + " sessions were created");
        }

        // created(1), started(2), question-asked(3): sockets resume after 3 and expect 4, 5, 6...
        Socket[] sockets = new Socket[sessions];
        long connectStart = System.nanoTime();
        List<CompletableFuture<WebSocket>> connecting = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            int replica = i % replicas.size();
            sockets[i] = new Socket(replica);
            URI uri = URI.create(replicas.get(replica).replace("http", "ws") + "/api/sessions/" + ids[i] + "/live?after=3");
            connecting.add(HTTP.newWebSocketBuilder().header("Authorization", "Bearer " + candidate)
                    .buildAsync(uri, sockets[i]));
            if (i % 100 == 99) {
                CompletableFuture.allOf(connecting.toArray(CompletableFuture[]::new)).join();
            }
        }
        CompletableFuture.allOf(connecting.toArray(CompletableFuture[]::new)).join();
        System.out.printf("%d WebSockets open in %d ms%n", sessions, (System.nanoTime() - connectStart) / 1_000_000);

        // warm-up: the same load, not measured, so the figures are the services' steady state rather than
        // their JIT compilers at work on the first requests of each path (stated with the results)
        if (warmup > 0) {
            Phase warm = send("warmup", rate * warmup, 0, rate, sessions, replicas, sockets, ids, coachToken);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (warmed(sockets) < warm.accepted.get() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            System.out.printf("warm-up: %d interjections at %d/s, %d accepted, %d delivered%n", rate * warmup, rate,
                    warm.accepted.get(), warmed(sockets));
        }

        int total = rate * seconds;
        Map<String, Long> cpuBefore = Cpu.sample(replicaPids, infraPids);
        long cpuStart = System.nanoTime();
        Phase probe = send("probe", total, rate * warmup, rate, sessions, replicas, sockets, ids, coachToken);
        AtomicInteger accepted = probe.accepted;
        AtomicInteger refused = probe.refused;
        long sendSeconds = probe.sendMillis;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (received(sockets) < accepted.get() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Map<String, Long> cpuAfter = Cpu.sample(replicaPids, infraPids);
        double wallSeconds = (System.nanoTime() - cpuStart) / 1e9;

        List<Long> same = new ArrayList<>();
        List<Long> cross = new ArrayList<>();
        long gaps = 0;
        long duplicatesOrReorders = 0;
        for (Socket s : sockets) {
            gaps += s.gaps.get();
            duplicatesOrReorders += s.backwards.get();
            for (long[] d : s.delays) {
                (d[1] == s.replica ? same : cross).add(d[0]);
            }
        }
        List<Long> all = new ArrayList<>(same);
        all.addAll(cross);
        System.out.printf("measured interjections: %d sent in %d ms (%d/s target), %d accepted (201), %d refused%n", total,
                sendSeconds, rate, accepted.get(), refused.get());
        System.out.printf("messages received: %d of %d; missing: %d; gaps in seq: %d; duplicates or reorders: %d%n",
                received(sockets), accepted.get(), accepted.get() - received(sockets), gaps, duplicatesOrReorders);
        report("interjection -> candidate, all", all);
        report("  same replica (local commit hook)", same);
        report("  cross replica (outbox -> Kafka -> other replica)", cross);
        Cpu.report(cpuBefore, cpuAfter, Math.max(1, accepted.get()), wallSeconds);
        for (Socket s : sockets) {
            s.socket.abort();
        }
        System.exit(0);
    }

    /** Outcome of one phase of follow-ups. */
    record Phase(AtomicInteger accepted, AtomicInteger refused, long sendMillis) {
    }

    /**
     * Posts {@code total} follow-ups at {@code rate}/s, round-robin over the sessions; pairs of sessions
     * alternate between the socket's own replica and the other one (and swap every round), so half the
     * deliveries cross Kafka whatever the count. The text carries the label, the number, the send time and
     * the replica posted to; only "probe" messages are measured.
     */
    static Phase send(String label, int total, int offset, int rate, int sessions, List<String> replicas,
            Socket[] sockets, String[] ids, String[] coachToken) throws InterruptedException {
        Semaphore inFlight = new Semaphore(256);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(total);
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int k = offset + i;
            int session = k % sessions;
            int postReplica = (sockets[session].replica + session / replicas.size() + k / sessions) % replicas.size();
            String body = "{\"text\":\"" + label + " " + k + " " + System.nanoTime() + " " + postReplica + "\"}";
            inFlight.acquire();
            HTTP.sendAsync(request(replicas.get(postReplica) + "/api/sessions/" + ids[session] + "/follow-ups",
                    coachToken[0], body, null), HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                        if (e == null && r.statusCode() == 201) {
                            accepted.incrementAndGet();
                        } else {
                            refused.incrementAndGet();
                        }
                        inFlight.release();
                        done.countDown();
                    });
        }
        long sendMillis = (System.nanoTime() - start) / 1_000_000;
        done.await(2, TimeUnit.MINUTES);
        return new Phase(accepted, refused, sendMillis);
    }

    static long warmed(Socket[] sockets) {
        long n = 0;
        for (Socket s : sockets) {
            n += s.warm.get();
        }
        return n;
    }

    static long received(Socket[] sockets) {
        long n = 0;
        for (Socket s : sockets) {
            n += s.count.get();
        }
        return n;
    }

    static void report(String what, List<Long> micros) {
        if (micros.isEmpty()) {
            System.out.printf("%-52s no samples%n", what);
            return;
        }
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%-52s n=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms%n", what, sorted.length,
                pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted[sorted.length - 1] / 1000.0);
    }

    static double pct(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
    }

    /** One candidate socket: checks seq continuity and records the delay of each probe. */
    static final class Socket implements WebSocket.Listener {
        final int replica;
        final AtomicLong last = new AtomicLong(3);
        final AtomicLong count = new AtomicLong();
        final AtomicLong warm = new AtomicLong();
        final AtomicLong gaps = new AtomicLong();
        final AtomicLong backwards = new AtomicLong();
        final ConcurrentLinkedQueue<long[]> delays = new ConcurrentLinkedQueue<>();
        final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        Socket(int replica) {
            this.replica = replica;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean lastPart) {
            long now = System.nanoTime();
            partial.append(data);
            if (lastPart) {
                String message = partial.toString();
                partial.setLength(0);
                Matcher seq = SEQ.matcher(message);
                Matcher type = TYPE.matcher(message);
                if (seq.find() && type.find() && type.group(1).equals("follow-up-asked")) {
                    long n = Long.parseLong(seq.group(1));
                    long previous = last.getAndSet(n);
                    if (n > previous + 1) {
                        gaps.incrementAndGet();
                    } else if (n <= previous) {
                        backwards.incrementAndGet();
                    }
                    Matcher sent = SENT.matcher(message);
                    if (sent.find()) {
                        count.incrementAndGet();
                        delays.add(new long[] { (now - Long.parseLong(sent.group(2))) / 1000,
                                Long.parseLong(sent.group(3)) });
                    } else {
                        warm.incrementAndGet();
                    }
                }
            }
            webSocket.request(1);
            return null;
        }
    }

    static HttpResponse<String> post(String url, String token, String body, String ifMatch) throws IOException,
            InterruptedException {
        return HTTP.send(request(url, token, body, ifMatch), HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest request(String url, String token, String body, String ifMatch) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return b.build();
    }

    /** The catalog stand-in: any question id is a free-text question with no self-practice script. */
    static void startCatalog(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        server.createContext("/api/questions/", exchange -> {
            String id = exchange.getRequestURI().getPath().split("/")[3];
            byte[] json = ("{\"id\":\"" + id + "\",\"version\":1,\"slug\":\"q-" + id + "\",\"title\":\"Retention metric\","
                    + "\"prompt\":\"How would you measure retention?\",\"category\":\"METRIC_DESIGN\","
                    + "\"roundType\":\"DATA_CASE\",\"answerFormat\":\"FREE_TEXT\",\"rubric\":\"decision-spine\","
                    + "\"timeBudgetSeconds\":3600,\"followUps\":[],\"constraints\":[],\"referenceSql\":null}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, json.length);
            exchange.getResponseBody().write(json);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    /** A realm access token for a demo user (password grant of the public debrief-web client). */
    static String token(String realm, String username) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=debrief-web&username="
                        + username + "&password=demo")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("no token for " + username + ": " + r.statusCode() + " " + r.body());
        }
        return m.group(1);
    }

    static String subjectOf(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("\"sub\":\"([^\"]+)\"").matcher(payload);
        if (!m.find()) {
            throw new IllegalStateException("token has no subject");
        }
        return m.group(1);
    }

    /** CPU time (user + system, from /proc) of the replicas, the infrastructure's processes and this program. */
    static final class Cpu {
        static final double TICK_MS = 10; // USER_HZ is 100 on Linux

        static Map<String, Long> sample(List<Long> replicas, List<Long> infraRoots) {
            Map<String, Long> ticks = new LinkedHashMap<>();
            for (int i = 0; i < replicas.size(); i++) {
                ticks.put("replica " + i, ticks(replicas.get(i)));
            }
            infraRoots.stream().flatMap(root -> descendants(root).stream()).distinct()
                    .forEach(pid -> ticks.merge(groupOf(pid), ticks(pid), Long::sum));
            ticks.put("load program", ticks(ProcessHandle.current().pid()));
            return ticks;
        }

        static void report(Map<String, Long> before, Map<String, Long> after, int interjections, double seconds) {
            if (after.size() <= 1) {
                return;
            }
            StringBuilder line = new StringBuilder("CPU while loaded (ms per accepted interjection; cores busy):");
            long replicas = 0;
            for (var e : after.entrySet()) {
                long used = e.getValue() - before.getOrDefault(e.getKey(), 0L);
                if (e.getKey().startsWith("replica")) {
                    replicas += used;
                }
                line.append(String.format(" %s %.2f (%.2f);", e.getKey(), used * TICK_MS / interjections,
                        used * TICK_MS / 1000 / seconds));
            }
            line.append(String.format(" all replicas %.2f ms per interjection", replicas * TICK_MS / interjections));
            System.out.println(line);
        }

        static String groupOf(long pid) {
            String cmd = read(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
            if (cmd.contains("launcher")) {
                return "launcher";
            }
            if (cmd.contains("postgres")) {
                return "postgresql";
            }
            if (cmd.contains("kafka.Kafka")) {
                return "kafka";
            }
            if (cmd.contains("keycloak")) {
                return "keycloak";
            }
            return "launcher";
        }

        static List<Long> descendants(long root) {
            List<Long> all = new ArrayList<>();
            ProcessHandle.of(root).ifPresent(p -> {
                all.add(p.pid());
                p.descendants().forEach(d -> all.add(d.pid()));
            });
            return all;
        }

        static long ticks(long pid) {
            String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
            if (stat.isEmpty()) {
                return 0;
            }
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
        }

        static String read(Path file) {
            try {
                return Files.readString(file, StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                return "";
            }
        }
    }
}
