package io.dossier.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.trace.Span;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Writes the audit trail. An event is written in the caller's transaction when there is one, so it commits with the
 * change it records or not at all; a read, outside any transaction, is written in one of its own.
 */
@ApplicationScoped
public class AuditTrail {

    /** The actor of what no user asked for (a background job without an owner). */
    public static final String SYSTEM = "system";

    private final AgroalDataSource dataSource;
    private final AuditConfig config;
    private final Instance<SecurityIdentity> identity;
    private final String service;

    public AuditTrail(AgroalDataSource dataSource, AuditConfig config, Instance<SecurityIdentity> identity,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.dataSource = dataSource;
        this.config = config;
        this.identity = identity;
        this.service = service;
    }

    /** Records what the caller of the current request did. */
    @Transactional
    public void record(AuditAction action, String targetType, Object targetId, String collection, String summary) {
        recordAs(caller(), action, targetType, targetId, collection, summary);
    }

    /** Records what {@code actor} did (a job's owner, acting after the request that started it). */
    @Transactional
    public void recordAs(String actor, AuditAction action, String targetType, Object targetId, String collection,
            String summary) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into audit_event (id, occurred_at,"
                        + " service, actor, action, target_type, target_id, collection, summary, trace_id)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
            insert.setString(3, clip(service, 40));
            insert.setString(4, clip(actor == null || actor.isBlank() ? SYSTEM : actor, 255));
            insert.setString(5, action.name());
            insert.setString(6, clip(targetType, 40));
            insert.setString(7, targetId == null ? null : clip(targetId.toString(), 255));
            insert.setString(8, clip(collection, 100));
            insert.setString(9, clip(summary, 2000));
            String trace = Span.current().getSpanContext().isValid()
                    ? Span.current().getSpanContext().getTraceId()
                    : null;
            if (trace == null) {
                insert.setNull(10, Types.VARCHAR);
            } else {
                insert.setString(10, trace);
            }
            insert.executeUpdate();
        } catch (SQLException e) {
            // the change it records is rolled back with it: nothing happens unaudited
            throw new IllegalStateException("writing the audit trail failed", e);
        }
    }

    /**
     * Records the caller's reading of a document, when its collection is not one every reader may read
     * ({@code dossier.audit.open-collections}).
     */
    public void read(String targetType, Object targetId, String collection, String summary) {
        if (collection != null && config.openCollections().contains(collection)) {
            return;
        }
        record(AuditAction.READ, targetType, targetId, collection, summary);
    }

    /** The user of the current request, or {@link #SYSTEM} outside one. */
    public String caller() {
        if (!Arc.container().requestContext().isActive() || !identity.isResolvable()) {
            return SYSTEM;
        }
        SecurityIdentity current = identity.get();
        return current.isAnonymous() ? SYSTEM : current.getPrincipal().getName();
    }

    private static String clip(String value, int max) {
        if (value == null) {
            return null;
        }
        String clean = value.replace('\0', ' ');
        return clean.length() <= max ? clean : clean.substring(0, max - 1) + "…";
    }
}
