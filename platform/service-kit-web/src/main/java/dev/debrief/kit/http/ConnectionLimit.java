package dev.debrief.kit.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.quarkus.runtime.Startup;
import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.impl.HttpServerImpl;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.impl.TCPServerBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.lang.reflect.Field;
import java.net.SocketAddress;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bound on open connections ({@code debrief.http.max-connections}; unset: none), enforced where a connection is
 * accepted: on Vert.x's acceptor thread, before the connection gets a pipeline, an event loop or any buffer. Past
 * the bound a new connection is closed at once, unless its client holds almost none ({@link ConnectionCounts}: a
 * small reserve keeps probes and scrapes getting in while one client floods).
 * <p>
 * Quarkus' own {@code quarkus.http.limits.max-connections} closes a connection over its bound on the event loop
 * that would serve it. Under an open-model flood on two cores those loops, sharing the CPU with the workers, fell
 * behind the acceptor: question-service held 12,000–20,000 accepted connections nobody had read, ran out of heap
 * or of file descriptors, and died (docs/reliability.md, "Overload"). The acceptor thread does nothing else, so a
 * bound kept there holds.
 * <p>
 * Vert.x offers no hook on its acceptor, so this adds a handler to the listening channel's own pipeline (found
 * through a private field of Vert.x's TCP server). Where a bound is set, the bean is created at startup and checks
 * that the field is there, so a Vert.x upgrade that moves it fails the service's start and its tests rather than
 * silently dropping the bound.
 */
@Startup
@ApplicationScoped
public class ConnectionLimit {

    private static final Logger LOG = Logger.getLogger(ConnectionLimit.class);
    private static final String HANDLER = "debrief-connection-limit";
    /** At most one warning a minute while connections are refused; the counter has the whole story. */
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
    /** Past the bound, room for this many more from clients that hold almost none (probes, scrapes). */
    private static final int RESERVE = 32;

    /** Null where no bound is set: then nothing is installed or counted. */
    private final ConnectionCounts counts;
    private final Field bindFuture;
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);
    private final Counter refused;
    private final MeterRegistry registry;

    public ConnectionLimit(@ConfigProperty(name = "debrief.http.max-connections") Optional<Integer> limit,
            MeterRegistry registry) {
        if (limit.isPresent() && limit.get() < 1) {
            throw new IllegalArgumentException("debrief.http.max-connections must be at least 1, not " + limit.get());
        }
        this.registry = registry;
        if (limit.isEmpty()) {
            // no bound, no gate: nothing to find in Vert.x, nothing counted, so no meters that would read 0
            bindFuture = null;
            counts = null;
            refused = null;
            return;
        }
        counts = new ConnectionCounts(limit.get(), RESERVE);
        bindFuture = bindFutureField();
        Gauge.builder("debrief.http.connections.open", counts, ConnectionCounts::open)
                .description("Connections accepted and not yet closed")
                .register(registry);
        refused = Counter.builder("debrief.http.connections.refused")
                .description("Connections closed as they were accepted: debrief.http.max-connections were open")
                .register(registry);
    }

    /**
     * Once the HTTP server listens (Quarkus tells it asynchronously, once per verticle: the first one installs).
     * Every HTTP server of the application is bounded: the services have one, no management interface.
     */
    void install(@ObservesAsync HttpServerStart started, Vertx vertx) {
        if (counts == null) {
            return;
        }
        for (HttpServerImpl server : ((VertxInternal) vertx).sharedHttpServers().values()) {
            Channel listening = listeningChannel(server);
            if (listening != null) {
                gate(listening);
            }
        }
    }

    /** Where Vert.x's TCP server keeps its listening channel (a private field: Vert.x exposes no other way). */
    private static Field bindFutureField() {
        try {
            Field field = TCPServerBase.class.getDeclaredField("bindFuture");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("this Vert.x has no TCPServerBase.bindFuture: the connection bound cannot be"
                    + " installed", e);
        }
    }

    private Channel listeningChannel(HttpServerImpl server) {
        try {
            @SuppressWarnings("unchecked")
            Future<Channel> bound = (Future<Channel>) bindFuture.get(server);
            return bound == null ? null : bound.result();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized void gate(Channel listening) {
        if (listening.pipeline().get(HANDLER) == null) {
            listening.pipeline().addFirst(HANDLER, new Gate());
            // registered once the bound holds, so its presence says so (ConnectionLimitTest waits for it)
            Gauge.builder("debrief.http.connections.max", counts::bound)
                    .description("debrief.http.max-connections, in force").register(registry);
            LOG.infof("At most %d open connections on %s, and %d more for clients holding almost none", counts.bound(),
                    listening.localAddress(), RESERVE);
        }
    }

    /** Runs on the acceptor thread: each message is a connection just accepted, not yet registered anywhere. */
    @ChannelHandler.Sharable
    private final class Gate extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object accepted) {
            Channel connection = (Channel) accepted;
            SocketAddress client = connection.remoteAddress();
            if (!counts.admit(client)) {
                connection.unsafe().closeForcibly();
                refused.increment();
                warn();
                return;
            }
            connection.closeFuture().addListener(closed -> counts.release(client));
            ctx.fireChannelRead(accepted);
        }
    }

    private void warn() {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            LOG.warnf("Refusing new connections: %d open, the bound is %d (debrief.http.max-connections) and %d more for"
                    + " clients holding almost none; %.0f refused since start", counts.open(), counts.bound(), RESERVE,
                    refused.count());
        }
    }
}
