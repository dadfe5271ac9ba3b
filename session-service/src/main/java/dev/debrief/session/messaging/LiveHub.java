package dev.debrief.session.messaging;

import dev.debrief.session.persistence.Timeline;
import dev.debrief.session.persistence.TimelineAppended;
import dev.debrief.session.persistence.TimelineEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The sockets this replica holds, per session, and how they are fed. The stored timeline is the only
 * source: a nudge (a local commit, a Kafka event from any replica, the periodic sweep) makes the
 * session's feed read the entries after what each socket has been sent and send them in seq order. A
 * nudge carries no data, so a lost or duplicated nudge can neither lose, repeat nor reorder a message.
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

    public LiveHub(Timeline timeline, EntityManager entityManager) {
        this.timeline = timeline;
        this.entityManager = entityManager;
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

    public boolean holds(UUID sessionId) {
        return feeds.containsKey(sessionId);
    }

    public Set<UUID> held() {
        return Set.copyOf(feeds.keySet());
    }

    public void nudge(UUID sessionId) {
        Feed feed = feeds.get(sessionId);
        if (feed != null) {
            feed.request();
        }
    }

    /** The fast path: this replica's own commits reach its own sockets without a Kafka round trip. */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) TimelineAppended appended) {
        nudge(appended.sessionId());
    }

    /**
     * The safety net for a nudge that never came (a Kafka hiccup): one query reads the last seq of every
     * held session, and only the feeds behind it are caught up.
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
                    feed.request();
                }
            }
        }
    }

    void stop(@Observes ShutdownEvent event) {
        pushers.shutdownNow();
    }

    private record Subscriber(WebSocketConnection connection, long sent) {
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
                List<TimelineEntry> entries = QuarkusTransaction.requiringNew()
                        .call(() -> timeline.after(sessionId, from, PAGE));
                if (entries.isEmpty()) {
                    return;
                }
                for (Subscriber subscriber : List.copyOf(subscribers.values())) {
                    send(subscriber, entries);
                }
                if (entries.size() < PAGE) {
                    return;
                }
            }
        }

        private void send(Subscriber subscriber, List<TimelineEntry> entries) {
            long sent = subscriber.sent();
            WebSocketConnection connection = subscriber.connection();
            try {
                for (TimelineEntry entry : entries) {
                    if (entry.seq > sent) {
                        connection.sendTextAndAwait(LiveMessage.of(entry));
                        sent = entry.seq;
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
