package dev.debrief.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Stand-ins for the three services, on random ports: each echoes what reached it (method, path,
 * headers, body size) as JSON (or a large body under {@code .../bulk}), serves a small OpenAPI document
 * and a ready health check; the session stub also echoes WebSocket frames. A slow upstream answers after five seconds and a dead one listens
 * nowhere, each on a test-only route ({@code /api/slow}, {@code /api/dead}, and {@code /api/gone} for
 * WebSocket upgrades).
 */
public class StubUpstreams implements QuarkusTestResourceLifecycleManager {

    static final long SLOW_MILLIS = 5_000;

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        for (String name : new String[] { "question", "session", "scoring" }) {
            config.put("debrief.gateway.upstream." + name, "http://localhost:" + listen(req -> echo(name, req)));
        }
        config.put("debrief.gateway.upstream.slow", "http://localhost:"
                + listen(req -> {
                    req.pause();
                    vertx.setTimer(SLOW_MILLIS, t -> {
                        req.resume();
                        echo("slow", req);
                    });
                }));
        config.put("debrief.gateway.upstream.dead", "http://localhost:" + unusedPort());
        config.put("debrief.gateway.routes.slow", "/api/slow");
        config.put("debrief.gateway.routes.dead", "/api/dead");
        // a second dead one for WebSocket upgrades, so its breaker is not the HTTP tests' one
        config.put("debrief.gateway.upstream.gone", "http://localhost:" + unusedPort());
        config.put("debrief.gateway.routes.gone", "/api/gone");
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    private int listen(io.vertx.core.Handler<HttpServerRequest> handler) {
        HttpServer server = vertx.createHttpServer().requestHandler(handler);
        return server.listen(0).toCompletionStage().toCompletableFuture().join().actualPort();
    }

    private void echo(String name, HttpServerRequest req) {
        if (req.path().equals("/q/health/ready")) {
            req.response().putHeader("content-type", "application/json").end("{\"status\":\"UP\"}");
            return;
        }
        if (req.path().equals("/q/openapi")) {
            req.response().putHeader("content-type", "application/json").end(openApi(name).encode());
            return;
        }
        if (req.path().endsWith("/bulk")) {
            bulk(req);
            return;
        }
        JsonObject seen = new JsonObject().put("upstream", name).put("method", req.method().name())
                .put("path", req.path()).put("headers", headers(req));
        if ("websocket".equalsIgnoreCase(req.getHeader("Upgrade"))) {
            req.toWebSocket().onSuccess(ws -> {
                ws.writeTextMessage(seen.encode());
                ws.textMessageHandler(text -> ws.writeTextMessage("echo:" + text));
            });
            return;
        }
        req.body().onSuccess(body -> req.response().putHeader("content-type", "application/json")
                .end(seen.put("bodyLength", body.length()).encode()));
    }

    /**
     * A large answer: {@code ?kib=N} kibibytes of a repeated line, sent in 1 KiB pieces, chunked unless
     * {@code &length=true} announces the size first.
     */
    private static void bulk(HttpServerRequest req) {
        int kib = Integer.parseInt(req.getParam("kib", "1"));
        var response = req.response().putHeader("content-type", "text/plain");
        if (Boolean.parseBoolean(req.getParam("length", "false"))) {
            response.putHeader("content-length", Integer.toString(kib * 1024));
        } else {
            response.setChunked(true);
        }
        String piece = "0123456789abcdef".repeat(64);
        for (int i = 0; i < kib; i++) {
            response.write(piece);
        }
        response.end();
    }

    /** Every header by lower-case name; repeated headers as an array, so a smuggled duplicate shows. */
    private static JsonObject headers(HttpServerRequest req) {
        Map<String, Object> all = new TreeMap<>();
        for (String name : req.headers().names()) {
            var values = req.headers().getAll(name);
            all.put(name.toLowerCase(), values.size() == 1 ? values.get(0) : new JsonArray(values));
        }
        return new JsonObject(all);
    }

    /** A service's description: its own paths, a shared Problem schema, and a Page that differs per service. */
    private static JsonObject openApi(String name) {
        JsonObject paths = new JsonObject();
        String prefix = switch (name) {
            case "question" -> "/api/questions";
            case "session" -> "/api/sessions";
            default -> "/api/rubrics";
        };
        paths.put(prefix, new JsonObject().put("get", new JsonObject()
                .put("tags", new JsonArray().add(name))
                .put("security", new JsonArray().add(new JsonObject().put("SecurityScheme", new JsonArray())))
                .put("responses", new JsonObject().put("200", new JsonObject().put("description", "ok")
                        .put("content", new JsonObject().put("application/json", new JsonObject()
                                .put("schema", new JsonObject().put("$ref", "#/components/schemas/Page"))))))));
        JsonObject schemas = new JsonObject()
                .put("Problem", new JsonObject().put("type", "object"))
                .put("Page", new JsonObject().put("type", "object").put("description", "a page of " + name));
        return new JsonObject().put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", name).put("version", "1"))
                .put("tags", new JsonArray().add(new JsonObject().put("name", name)))
                .put("paths", paths)
                .put("components", new JsonObject().put("schemas", schemas).put("securitySchemes",
                        new JsonObject().put("SecurityScheme", new JsonObject().put("type", "http"))));
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
