import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in collector for the tracing-on rounds (single-file Java, no dependencies): accepts OTLP/HTTP exports on
 * {@code POST /v1/traces}, reads and drops them, answers 200 with an empty ExportTraceServiceResponse. The services
 * then pay the whole cost of tracing (spans, batching, protobuf, the HTTP export) and the sink almost nothing.
 * Prints how many exports and bytes it took when stopped.
 *
 * <pre>java OtlpSink.java PORT</pre>
 */
public class OtlpSink {

    public static void main(String[] args) throws IOException {
        AtomicLong exports = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/traces", exchange -> {
            try (exchange; InputStream body = exchange.getRequestBody()) {
                bytes.addAndGet(body.transferTo(OutputStreamSink.INSTANCE));
                exports.incrementAndGet();
                exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
                System.out.printf("otlp sink: %d exports, %d bytes%n", exports.get(), bytes.get())));
        server.start();
    }

    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
