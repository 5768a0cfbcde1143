package io.dossier.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Deletes events older than {@code dossier.audit.retention}: the only deletion the table's trigger lets through, as it
 * says so for its own transaction. Every instance may run it; a second run at once finds nothing left to delete.
 */
@ApplicationScoped
public class AuditRetention {

    private final AgroalDataSource dataSource;
    private final AuditConfig config;

    public AuditRetention(AgroalDataSource dataSource, AuditConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    @Scheduled(every = "${dossier.audit.purge-every:6h}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            purge();
        } catch (RuntimeException e) {
            Log.warnf("audit retention: %s (tried again at the next run)", e.getMessage());
        }
    }

    /** Deletes what is older than the retention; returns how many events went. */
    @Transactional
    public int purge() {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minus(config.retention());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement allow = connection.prepareStatement("select set_config('dossier.audit_purge',"
                        + " 'on', true)");
                PreparedStatement delete = connection.prepareStatement("delete from audit_event where"
                        + " occurred_at < ?")) {
            allow.execute();
            delete.setObject(1, before);
            int deleted = delete.executeUpdate();
            if (deleted > 0) {
                Log.infof("audit retention: %d events older than %s deleted", deleted, before);
            }
            return deleted;
        } catch (SQLException e) {
            throw new IllegalStateException("purging the audit trail failed", e);
        }
    }
}
