package dev.debrief.kit.http;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The kept answers of idempotent requests, in the service's own schema (table {@code idempotency_key}),
 * written outside the request's transaction: a claim is visible to a concurrent retry at once.
 */
@ApplicationScoped
public class IdempotencyStore {

    static final Duration KEPT_FOR = Duration.ofHours(24);
    /**
     * A claim still without an answer after this long belongs to a request that died with its process (a SIGKILL
     * between the claim and its answer): the retry takes it over instead of hearing 409 for a day. Far above the
     * gateway's upstream timeout, so a request still running is never taken over.
     */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);

    private final AgroalDataSource dataSource;
    private final Clock clock;

    public IdempotencyStore(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public record Claim(String caller, String key) {
    }

    /** An earlier request with the key: its answer, or a null status while it is still running. */
    public record Stored(String fingerprint, Integer status, String contentType, byte[] body,
            Map<String, String> headers) {
    }

    /** Claims the key for this request; answers the earlier request when the key is taken (and still kept). */
    Optional<Stored> claim(String caller, String key, String fingerprint) {
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement expired = c.prepareStatement("delete from idempotency_key where caller = ? and key = ?"
                    + " and (created_at < ? or status is null and created_at < ?)")) {
                expired.setString(1, caller);
                expired.setString(2, key);
                expired.setTimestamp(3, Timestamp.from(clock.instant().minus(KEPT_FOR)));
                expired.setTimestamp(4, Timestamp.from(clock.instant().minus(ABANDONED_AFTER)));
                expired.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("insert into idempotency_key "
                    + "(caller, key, fingerprint, created_at) values (?, ?, ?, ?) on conflict do nothing")) {
                insert.setString(1, caller);
                insert.setString(2, key);
                insert.setString(3, fingerprint);
                insert.setTimestamp(4, now);
                if (insert.executeUpdate() == 1) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement select = c.prepareStatement("select fingerprint, status, content_type, body, "
                    + "location, etag from idempotency_key where caller = ? and key = ?")) {
                select.setString(1, caller);
                select.setString(2, key);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return claim(caller, key, fingerprint); // released between the insert and the read
                    }
                    Map<String, String> headers = new LinkedHashMap<>();
                    if (rs.getString(5) != null) {
                        headers.put("Location", rs.getString(5));
                    }
                    if (rs.getString(6) != null) {
                        headers.put("ETag", rs.getString(6));
                    }
                    int status = rs.getInt(2);
                    return Optional.of(new Stored(rs.getString(1), rs.wasNull() ? null : status, rs.getString(3),
                            rs.getBytes(4), headers));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency keys cannot be read", e);
        }
    }

    void complete(Claim claim, int status, String contentType, byte[] body, String location, String etag) {
        update("update idempotency_key set status = ?, content_type = ?, body = ?, location = ?, etag = ? "
                + "where caller = ? and key = ?", ps -> {
                    ps.setInt(1, status);
                    ps.setString(2, contentType);
                    ps.setBytes(3, body);
                    ps.setString(4, location);
                    ps.setString(5, etag);
                    ps.setString(6, claim.caller());
                    ps.setString(7, claim.key());
                });
    }

    /** A failed first attempt (5xx) leaves nothing behind: the retry runs again. */
    void release(Claim claim) {
        update("delete from idempotency_key where caller = ? and key = ?", ps -> {
            ps.setString(1, claim.caller());
            ps.setString(2, claim.key());
        });
    }

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOld() {
        update("delete from idempotency_key where created_at < ?",
                ps -> ps.setTimestamp(1, Timestamp.from(clock.instant().minus(KEPT_FOR))));
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private void update(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency keys cannot be written", e);
        }
    }
}
