import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-model load generator: sends at a constant rate whatever the server does, and measures each
 * latency from the request's INTENDED send time, so a server stall shows up in every request scheduled
 * during it (no coordinated omission). Outcomes are counted over the measured seconds only: answered 200, shed
 * with 503, another status, or failed without an answer (a connection refused, closed or timed out).
 * Run: java OpenLoad.java BASE_URL PATHS_FILE TOKEN RATE SECONDS [WARMUP]
 */
public class OpenLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<String> paths = Files.readAllLines(Path.of(args[1])).stream().filter(s -> !s.isBlank()).toList();
        String token = args[2];
        int rate = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 5;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        int total = rate * (seconds + warmup);
        long[] latencies = new long[total];
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger shed = new AtomicInteger();
        AtomicInteger otherStatus = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        int firstMeasured = rate * warmup;
        CountDownLatch done = new CountDownLatch(total);
        Random random = new Random(42);
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime() + 100_000_000L;
        for (int i = 0; i < total; i++) {
            long intended = start + i * interval;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + paths.get(random.nextInt(paths.size()))))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).GET().build();
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                latencies[index] = System.nanoTime() - intended;
                if (index >= firstMeasured) {
                    AtomicInteger outcome = failure != null ? failed : switch (response.statusCode()) {
                        case 200 -> ok;
                        case 503 -> shed;
                        default -> otherStatus;
                    };
                    outcome.incrementAndGet();
                }
                done.countDown();
            });
        }
        done.await();
        long[] measured = Arrays.copyOfRange(latencies, firstMeasured, total);
        Arrays.sort(measured);
        System.out.printf("open model: %d req/s for %d s (after %d s warm-up), %d requests: %d answered 200, %d shed"
                + " (503), %d another status, %d no answer (refused, closed or timed out)%n", rate, seconds, warmup,
                measured.length, ok.get(), shed.get(), otherStatus.get(), failed.get());
        System.out.printf("latency from intended send: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n",
                pct(measured, 50), pct(measured, 90), pct(measured, 99), pct(measured, 99.9),
                measured[measured.length - 1] / 1e6);
        System.exit(0);
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
