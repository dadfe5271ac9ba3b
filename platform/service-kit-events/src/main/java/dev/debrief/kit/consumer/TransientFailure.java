package dev.debrief.kit.consumer;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Tells a failure worth retrying (the database or the network away for a moment, a lost serialisation race) from
 * one that will fail the same way every time (a poison event, a bug). Consumers retry the first kind with backoff
 * ({@code @RetryWhen(exception = TransientFailure.class)}) and dead-letter the second at once: retrying a poison
 * event only holds back the events behind it.
 */
public final class TransientFailure implements Predicate<Throwable> {

    /**
     * PostgreSQL SQLSTATE classes: 08 connection exception, 40 transaction rollback (serialisation failure,
     * deadlock), 53 insufficient resources, 57 operator intervention (admin shutdown, cannot connect now), 58 system
     * error (I/O).
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "57", "58");

    @Override
    public boolean test(Throwable failure) {
        return isTransient(failure);
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof ConnectException || t instanceof SocketException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2
                    && TRANSIENT_CLASSES.contains(sql.getSQLState().substring(0, 2))) {
                return true;
            }
            // Agroal's pool gives up waiting for a connection with a plain SQLException and no SQLSTATE
            if (t instanceof SQLException sql && sql.getSQLState() == null && sql.getMessage() != null
                    && sql.getMessage().toLowerCase().contains("acquisition timeout")) {
                return true;
            }
            String name = t.getClass().getName();
            // Hibernate's and Narayana's wrappers of a connection lost mid-transaction
            if (name.endsWith("JDBCConnectionException") || name.endsWith("LockTimeoutException")
                    || name.endsWith("PessimisticLockException") || name.endsWith("OptimisticLockException")) {
                return true;
            }
        }
        return false;
    }
}
