package dev.debrief.session.live;

import dev.debrief.session.timeline.Timeline;
import dev.debrief.session.timeline.TimelineEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The sockets this replica holds, per session, and how they are fed: the one live path. The stored timeline is
 * the source of truth. A nudge makes the session's feed read the entries after what each socket has been sent and
 * send them in seq order; it carries no data, so a lost or duplicated nudge can neither lose, repeat nor reorder a
 * message. Nudges come from this replica's live Kafka groups ({@link LiveFanOut}: an entry's event, published
 * through the outbox after its commit, reaches every replica), from a new or resyncing socket, and from the sweep,
 * the safety net for an event a live group never saw.
 */
@ApplicationScoped
public class LiveHub {

    private static final Logger LOG = Logger.getLogger(LiveHub.class);
    private static final int PAGE = 500;

    private final Timeline timeline;
    private final EntityManager entityManager;
    private final Map<UUID, Feed> feeds = new ConcurrentHashMap<>();
    private final ExecutorService pushers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("live-push-", 0).factory());

    private final LivePushTraces traces;

    public LiveHub(Timeline timeline, EntityManager entityManager, LivePushTraces traces) {
        this.timeline = timeline;
        this.entityManager = entityManager;
        this.traces = traces;
    }

    /** Registers a socket that has seen everything up to {@code after} and sends it what it missed. */
    public void subscribe(UUID sessionId, WebSocketConnection connection, long after) {
        feeds.computeIfAbsent(sessionId, Feed::new).subscribers.put(connection.id(), new Subscriber(connection, after));
        nudge(sessionId);
    }

    /** The client asks to be sent everything after {@code after} again (it lost track). */
    public void resync(UUID sessionId, WebSocketConnection connection, long after) {
        Feed feed = feeds.get(sessionId);
        if (feed != null) {
            feed.subscribers.computeIfPresent(connection.id(), (id, s) -> new Subscriber(connection, after));
            nudge(sessionId);
        }
    }

    public void unsubscribe(UUID sessionId, WebSocketConnection connection) {
        feeds.computeIfPresent(sessionId, (id, feed) -> {
            feed.subscribers.remove(connection.id());
            return feed.subscribers.isEmpty() ? null : feed;
        });
    }

    /** Sockets open on this replica (a gauge on /q/metrics). */
    public int openSockets() {
        return feeds.values().stream().mapToInt(feed -> feed.subscribers.size()).sum();
    }

    public boolean holds(UUID sessionId) {
        return feeds.containsKey(sessionId);
    }

    /** Something may have been committed for the session: read the timeline after what was sent. */
    public void nudge(UUID sessionId) {
        Feed feed = feeds.get(sessionId);
        if (feed != null) {
            feed.request();
        }
    }

    /**
     * The safety net, kept because a live group starts at the latest record and skips what it fails on: an entry whose
     * event it never saw (Kafka away, the group restarting) would otherwise wait for the session's next event, maybe
     * forever. One query reads the last seq of every held session; only the feeds behind it read the timeline.
     */
    @Scheduled(every = "${debrief.sessions.live-sweep-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sweep() {
        List<UUID> held = List.copyOf(feeds.keySet());
        for (int from = 0; from < held.size(); from += PAGE) {
            List<UUID> chunk = held.subList(from, Math.min(held.size(), from + PAGE));
            List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                    "select id, last_seq from interview_session where id in (:ids)", Object[].class)
                    .setParameter("ids", chunk).getResultList());
            for (Object[] row : rows) {
                Feed feed = feeds.get((UUID) row[0]);
                if (feed != null && feed.behind(((Number) row[1]).longValue())) {
                    nudge(feed.sessionId);
                }
            }
        }
    }

    void stop(@Observes ShutdownEvent event) {
        pushers.shutdownNow();
    }

    private record Subscriber(WebSocketConnection connection, long sent) {
    }

    /** An entry in its wire form, rendered once for every socket of the session, with the trace it was written in. */
    private record Rendered(long seq, String type, String traceparent, String text) {
    }

    private static List<Rendered> render(List<TimelineEntry> entries) {
        return entries.stream().map(e -> new Rendered(e.seq, e.type, e.traceparent, LiveMessage.of(e))).toList();
    }

    /** One session's sockets; at most one drain runs at a time, and a nudge during a drain runs it again. */
    private final class Feed {
        final UUID sessionId;
        final Map<String, Subscriber> subscribers = new ConcurrentHashMap<>();
        final AtomicBoolean dirty = new AtomicBoolean();
        final AtomicBoolean running = new AtomicBoolean();

        Feed(UUID sessionId) {
            this.sessionId = sessionId;
        }

        boolean behind(long lastSeq) {
            return subscribers.values().stream().anyMatch(s -> s.sent() < lastSeq);
        }

        void request() {
            dirty.set(true);
            if (running.compareAndSet(false, true)) {
                pushers.execute(this::drain);
            }
        }

        private void drain() {
            try {
                while (dirty.getAndSet(false)) {
                    catchUp();
                }
            } catch (RuntimeException e) {
                LOG.warnf("Live push for session %s failed, the next nudge retries: %s", sessionId, e.toString());
            } finally {
                running.set(false);
                if (dirty.get() && running.compareAndSet(false, true)) {
                    pushers.execute(this::drain);
                }
            }
        }

        private void catchUp() {
            while (true) {
                long from = subscribers.values().stream().mapToLong(Subscriber::sent).min().orElse(Long.MAX_VALUE);
                if (from == Long.MAX_VALUE) {
                    return;
                }
                List<TimelineEntry> entries = timeline.read(sessionId, from, PAGE);
                if (entries.isEmpty()) {
                    return;
                }
                List<Rendered> messages = render(entries);
                for (Subscriber subscriber : List.copyOf(subscribers.values())) {
                    send(subscriber, messages);
                }
                if (entries.size() < PAGE) {
                    return;
                }
            }
        }

        /** Sends, in order, the entries that continue the socket's sequence; stops at a gap. */
        private void send(Subscriber subscriber, List<Rendered> messages) {
            long sent = subscriber.sent();
            WebSocketConnection connection = subscriber.connection();
            try {
                for (Rendered message : messages) {
                    if (message.seq() == sent + 1) {
                        traces.push(sessionId, message.seq(), message.type(), message.traceparent(),
                                () -> connection.sendTextAndAwait(message.text()));
                        sent = message.seq();
                    } else if (message.seq() > sent + 1) {
                        break;
                    }
                }
            } catch (RuntimeException e) {
                LOG.debugf("Socket %s of session %s is gone: %s", connection.id(), sessionId, e.toString());
            }
            long delivered = sent;
            // replace only if nobody resynced the socket meanwhile
            subscribers.computeIfPresent(connection.id(), (id, s) -> s == subscriber
                    ? new Subscriber(connection, delivered) : s);
        }
    }
}
