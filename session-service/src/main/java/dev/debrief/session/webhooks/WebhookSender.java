package dev.debrief.session.webhooks;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one signed POST to a checked {@link Destination}. The connection goes to the address the policy
 * accepted ({@code RequestOptions.setServer}), while the Host header, TLS SNI and the certificate's host name
 * check use the URL's host; redirects are never followed (a 3xx is a failed attempt) and no proxy is used.
 */
@ApplicationScoped
public class WebhookSender {

    /** What came back: a status, or the reason none did. */
    public record Outcome(Integer statusCode, String error, long durationMs) {
        public boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    private final HttpClient client;
    private final long timeoutMs;

    public WebhookSender(Vertx vertx, WebhooksConfig config) {
        this.timeoutMs = config.timeout().toMillis();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) timeoutMs)
                .setVerifyHost(true)
                .setForceSni(true)
                .setMaxPoolSize(16)
                .setKeepAlive(false));
    }

    /** Blocks the calling worker thread until the endpoint answers, fails or times out. */
    public Outcome send(Destination destination, Map<String, String> headers, String body) {
        long started = System.nanoTime();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(destination.port(), destination.address().getHostAddress()))
                .setHost(destination.host())
                .setPort(destination.port())
                .setSsl(destination.tls())
                .setURI(destination.pathAndQuery())
                .setFollowRedirects(false)
                .setTimeout(timeoutMs);
        headers.forEach(options::putHeader);
        try {
            int status = client.request(options)
                    // the status is all we keep: the connection is closed at once, so no body is read or buffered
                    .compose(request -> request.send(Buffer.buffer(body)).map(response -> {
                        request.connection().close();
                        return response.statusCode();
                    }))
                    .toCompletionStage().toCompletableFuture()
                    .get(timeoutMs + 1000, TimeUnit.MILLISECONDS);
            return new Outcome(status, null, elapsed(started));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Outcome(null, describe(cause), elapsed(started));
        } catch (TimeoutException e) {
            return new Outcome(null, "timed out after " + timeoutMs + " ms", elapsed(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted", elapsed(started));
        }
    }

    private static String describe(Throwable cause) {
        String text = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    private static long elapsed(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
