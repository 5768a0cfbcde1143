package io.dossier.common.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A background job's claim, so that of several instances only one runs it: a PostgreSQL session advisory lock, held
 * on a connection kept for as long as the job runs. The lock goes with the connection if its instance dies, and
 * another instance may take the job over.
 */
public final class JobLock implements AutoCloseable {

    private final Connection connection;
    private final long key;

    private JobLock(Connection connection, long key) {
        this.connection = connection;
        this.key = key;
    }

    /** The lock on a job, held on {@code connection}; null when another session holds it. */
    public static JobLock tryLock(Connection connection, UUID job) throws SQLException {
        long key = job.getMostSignificantBits() ^ job.getLeastSignificantBits();
        return ask(connection, "select pg_try_advisory_lock(?)", key) ? new JobLock(connection, key) : null;
    }

    /**
     * Whether the lock is still held: its connection alive and the lock on it. A lost connection (a database
     * failover, a dropped idle connection) releases the lock, and another instance may take the job.
     */
    public boolean held() {
        try (PreparedStatement statement = connection.prepareStatement("select exists(select 1 from pg_locks"
                + " where locktype = 'advisory' and granted and pid = pg_backend_pid()"
                + " and classid = cast(? as bigint)::oid and objid = cast(? as bigint)::oid and objsubid = 1)")) {
            statement.setLong(1, key >>> 32);
            statement.setLong(2, key & 0xFFFFFFFFL);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Releases the lock (the connection stays open: its owner closes it). A connection lost meanwhile took the lock
     * with it.
     */
    @Override
    public void close() {
        try {
            ask(connection, "select pg_advisory_unlock(?)", key);
        } catch (SQLException e) {
            // the session is gone, and its locks with it
        }
    }

    private static boolean ask(Connection connection, String sql, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
