import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The soak's load and its sampler (single-file Java, no dependencies): through the gateway, at fixed rates,
 * catalog reads by id, catalog lists, full-text searches, and whole self-practice loops (create, start, answer every
 * question, move on, complete); every SAMPLE seconds one line per interval with each kind's count, errors, p50
 * and p99, each process's RSS, and the outbox backlog and consumer lag read from the services' /q/metrics.
 *
 * <pre>java SoakLoad.java REALM GATEWAY SERVICES(name=url,…) PIDS(name=pid,…) MINUTES</pre>
 * Rates: READS, LISTS, SEARCHES per second, LOOP_EVERY seconds between loop starts, SAMPLE seconds (env).
 */
public class SoakLoad {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final Pattern FORMAT = Pattern.compile("\"answerFormat\"\\s*:\\s*\"([A-Z_]+)\"");
    static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    static final String[] SEARCHES = {"metric", "retention experiment", "guardrail", "stakeholder conflict",
            "dashboard", "pricing", "churn", "SQL duplicates"};
    static final String[] CATEGORIES = {"METRIC_DESIGN", "EXPERIMENT_EVALUATION", "BEHAVIORAL", "SQL"};
    static final String[] USERS = {"uma", "cara", "sam"};

    static String realm;
    static String gateway;
    static final Map<String, String> tokens = new ConcurrentHashMap<>();
    static final Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
    static final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    static final List<String> questionIds = Collections.synchronizedList(new ArrayList<>());
    static final AtomicLong loopsDone = new AtomicLong();
    static final AtomicLong answers = new AtomicLong();

    public static void main(String[] args) throws Exception {
        realm = args[0];
        gateway = args[1];
        Map<String, String> services = pairs(args[2]);
        Map<String, String> pids = pairs(args[3]);
        int minutes = Integer.parseInt(args[4]);
        double reads = env("READS", 20), lists = env("LISTS", 3), searches = env("SEARCHES", 3);
        double loopEvery = env("LOOP_EVERY", 3), sample = env("SAMPLE", 30);

        refreshTokens();
        String page = call("seed", "GET", "/api/questions?size=100", token("uma"), null, null).body();
        Matcher m = ID.matcher(page);
        while (m.find()) {
            questionIds.add(m.group(1));
        }
        if (questionIds.isEmpty()) {
            throw new IllegalStateException("no questions in the catalog: " + page);
        }
        System.out.printf("catalog: %d questions; rates: %.0f reads/s, %.0f lists/s, %.0f searches/s, one loop every %.0f s"
                + " (3 questions each); %d minutes, a sample every %.0f s%n", questionIds.size(), reads, lists, searches,
                loopEvery, minutes, sample);

        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
        var workers = Executors.newVirtualThreadPerTaskExecutor();
        every(timer, 1000 / reads, () -> workers.execute(() -> call("read", "GET",
                "/api/questions/" + pick(questionIds), token(pick(USERS)), null, null)));
        every(timer, 1000 / lists, () -> workers.execute(() -> call("list", "GET",
                "/api/questions?size=20&category=" + pick(CATEGORIES), token(pick(USERS)), null, null)));
        every(timer, 1000 / searches, () -> workers.execute(() -> call("search", "GET",
                "/api/questions?size=10&q=" + URLEncoder.encode(pick(SEARCHES), StandardCharsets.UTF_8),
                token(pick(USERS)), null, null)));
        every(timer, loopEvery * 1000, () -> workers.execute(SoakLoad::loop));
        timer.scheduleAtFixedRate(SoakLoad::refreshTokens, 4, 4, TimeUnit.MINUTES);

        Instant start = Instant.now();
        System.out.println(header(services, pids));
        long samples = Math.round(minutes * 60 / sample);
        for (long i = 1; i <= samples; i++) {
            Thread.sleep((long) (sample * 1000));
            System.out.println(sampleLine(Duration.between(start, Instant.now()), services, pids));
        }
        timer.shutdownNow();
        workers.shutdownNow();
        System.out.printf("done: %d loops completed, %d answers submitted%n", loopsDone.get(), answers.get());
        System.exit(0);
    }

    /** One self-practice session of three questions, run to completion as its candidate. */
    static void loop() {
        String user = pick(USERS);
        String token = token(user);
        List<String> picks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            picks.add("{\"id\":\"" + pick(questionIds) + "\"}");
        }
        HttpResponse<String> created = call("loop", "POST", "/api/sessions", token,
                "{\"mode\":\"SELF_PRACTICE\",\"questions\":[" + String.join(",", picks) + "]}", null);
        if (created == null || created.statusCode() != 201) {
            return;
        }
        Matcher id = ID.matcher(created.body());
        if (!id.find()) {
            return;
        }
        String path = "/api/sessions/" + id.group(1);
        if (!ok(call("loop", "POST", path + "/start", token, null, etag(path, token)))) {
            return;
        }
        HttpResponse<String> session = call("loop", "GET", path, token, null, null);
        if (!ok(session)) {
            return;
        }
        List<String> formats = new ArrayList<>();
        Matcher f = FORMAT.matcher(session.body());
        while (f.find()) {
            formats.add(f.group(1));
        }
        for (int i = 0; i < formats.size(); i++) {
            if (!ok(call("answer", "POST", path + "/questions/" + i + "/answer", token, answerIn(formats.get(i)),
                    etag(path, token)))) {
                return;
            }
            answers.incrementAndGet();
            String move = i < formats.size() - 1 ? "/next" : "/complete";
            if (!ok(call("loop", "POST", path + move, token, null, etag(path, token)))) {
                return;
            }
        }
        loopsDone.incrementAndGet();
    }

    static String etag(String path, String token) {
        HttpResponse<String> r = call("loop", "GET", path, token, null, null);
        return r == null ? null : r.headers().firstValue("ETag").orElse(null);
    }

    static String answerIn(String format) {
        return switch (format) {
            case "SQL" -> "{\"text\":\"WITH unique_plays AS (SELECT DISTINCT member_id, title_id FROM plays)"
                    + " SELECT t.genre, count(*) AS plays FROM unique_plays p JOIN titles t ON t.title_id = p.title_id"
                    + " GROUP BY t.genre ORDER BY plays DESC\"}";
            case "STRUCTURED_METRICS" -> "{\"text\":\"One primary metric, two guardrails.\",\"structured\":{\"metrics\":["
                    + "{\"name\":\"weekly viewing hours per member\",\"rank\":1,\"kind\":\"PRIMARY\"},"
                    + "{\"name\":\"30-day cancellation rate\",\"rank\":2,\"kind\":\"GUARDRAIL\"}],"
                    + "\"decisionThreshold\":\"ship at +1.5% viewing hours with cancellations flat\"}}";
            default -> "{\"text\":\"The situation: our recommendations row lost 8% of clicks after a redesign. I framed one"
                    + " primary metric, weekly viewing hours, with cancellations as a guardrail, and set a threshold before"
                    + " looking. I checked the data first: duplicate events and test accounts explained half the drop."
                    + " Hours rose 2.3% and cancellations were flat, so we kept it. The lesson: decide the bar first.\"}";
        };
    }

    static boolean ok(HttpResponse<String> r) {
        return r != null && r.statusCode() / 100 == 2;
    }

    /** One request; its latency goes into the kind's bucket, a non-2xx or a failure into its error count. */
    static HttpResponse<String> call(String kind, String method, String path, String token, String body, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            latencies.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - t0);
            if (response.statusCode() / 100 != 2) {
                errors.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
                if (errors.get(kind).get() <= 5) {
                    System.out.printf("  %s %s %s -> %d %s%n", kind, method, path, response.statusCode(),
                            response.body().substring(0, Math.min(200, response.body().length())));
                }
            }
            return response;
        } catch (IOException | RuntimeException e) {
            errors.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static String header(Map<String, String> services, Map<String, String> pids) {
        StringBuilder h = new StringBuilder("min");
        for (String kind : List.of("read", "list", "search", "answer", "loop")) {
            h.append(" | ").append(kind).append(" n/err/p50/p99 ms");
        }
        pids.keySet().forEach(name -> h.append(" | ").append(name).append(" RSS MiB"));
        return h.append(" | outbox backlog (max age s) | consumer lag | load").toString();
    }

    /** Drains the latencies of the interval and reads RSS and the services' metrics. */
    static String sampleLine(Duration elapsed, Map<String, String> services, Map<String, String> pids) {
        StringBuilder line = new StringBuilder(String.format("%.1f", elapsed.toSeconds() / 60.0));
        for (String kind : List.of("read", "list", "search", "answer", "loop")) {
            List<Long> values = new ArrayList<>();
            ConcurrentLinkedQueue<Long> queue = latencies.getOrDefault(kind, new ConcurrentLinkedQueue<>());
            for (Long v; (v = queue.poll()) != null;) {
                values.add(v);
            }
            Collections.sort(values);
            long err = errors.getOrDefault(kind, new AtomicLong()).getAndSet(0);
            line.append(String.format(" | %d/%d/%s/%s", values.size(), err, pct(values, 0.50), pct(values, 0.99)));
        }
        for (String pid : pids.values()) {
            line.append(" | ").append(rss(pid));
        }
        long backlog = 0;
        double oldest = 0;
        Map<String, Long> lag = new TreeMap<>();
        for (String url : services.values()) {
            for (String metric : metrics(url)) {
                if (metric.startsWith("debrief_outbox_backlog")) {
                    backlog += (long) value(metric);
                } else if (metric.startsWith("debrief_outbox_oldest_unpublished_age_seconds")) {
                    oldest = Math.max(oldest, value(metric));
                } else if (metric.startsWith("debrief_kafka_consumer_lag{")) {
                    Matcher group = Pattern.compile("group=\"([^\"]+)\"").matcher(metric);
                    lag.merge(group.find() ? group.group(1) : "?", (long) value(metric), Long::sum);
                }
            }
        }
        line.append(String.format(" | %d (%.1f) | %s", backlog, oldest, lag));
        try {
            line.append(" | ").append(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException e) {
            line.append(" | ?");
        }
        return line.toString();
    }

    static String pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return "-";
        }
        long nanos = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
        return String.format("%.0f", nanos / 1e6);
    }

    static String rss(String pid) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (l.startsWith("VmRSS:")) {
                    return Long.toString(Long.parseLong(l.replaceAll("\\D", "")) / 1024);
                }
            }
        } catch (IOException e) {
            return "gone";
        }
        return "?";
    }

    static List<String> metrics(String url) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/q/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return r.body().lines().filter(l -> !l.startsWith("#")).toList();
        } catch (IOException | InterruptedException e) {
            return List.of();
        }
    }

    static double value(String metricLine) {
        String[] parts = metricLine.trim().split(" ");
        return Double.parseDouble(parts[parts.length - 1]);
    }

    static void refreshTokens() {
        for (String user : USERS) {
            try {
                String form = "grant_type=password&client_id=debrief-web&username=" + user + "&password=demo";
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                Matcher t = TOKEN.matcher(r.body());
                if (t.find()) {
                    tokens.put(user, t.group(1));
                } else {
                    System.out.println("  no token for " + user + ": " + r.statusCode());
                }
            } catch (IOException | InterruptedException e) {
                System.out.println("  no token for " + user + ": " + e);
            }
        }
    }

    static String token(String user) {
        return tokens.get(user);
    }

    static <T> T pick(List<T> values) {
        return values.get(ThreadLocalRandom.current().nextInt(values.size()));
    }

    static <T> T pick(T[] values) {
        return values[ThreadLocalRandom.current().nextInt(values.length)];
    }

    static void every(ScheduledExecutorService timer, double millis, Runnable task) {
        timer.scheduleAtFixedRate(task, 0, Math.max(1, Math.round(millis * 1000)), TimeUnit.MICROSECONDS);
    }

    static double env(String name, double fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Double.parseDouble(v);
    }

    static Map<String, String> pairs(String arg) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (String pair : arg.split(",")) {
            String[] kv = pair.split("=", 2);
            map.put(kv[0], kv[1]);
        }
        return map;
    }
}
