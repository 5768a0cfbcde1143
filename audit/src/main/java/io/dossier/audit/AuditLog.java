package io.dossier.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/** Reads this service's audit trail, newest first, a page at a time. */
@ApplicationScoped
public class AuditLog {

    private final AgroalDataSource dataSource;

    public AuditLog(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The events that match {@code filter} after {@code cursor} (null: from the newest), at most {@code size}. */
    public AuditPage page(AuditFilter filter, AuditCursor cursor, int size) {
        StringBuilder sql = new StringBuilder("select id, occurred_at, service, actor, action, target_type,"
                + " target_id, collection, summary, trace_id from audit_event where true");
        List<Object> values = new ArrayList<>();
        condition(sql, values, "actor = ?", filter.actor());
        condition(sql, values, "action = ?", filter.action() == null ? null : filter.action().name());
        condition(sql, values, "target_type = ?", filter.targetType());
        condition(sql, values, "target_id = ?", filter.targetId());
        condition(sql, values, "collection = ?", filter.collection());
        condition(sql, values, "occurred_at >= ?", filter.from());
        condition(sql, values, "occurred_at < ?", filter.to());
        if (cursor != null) {
            sql.append(" and (occurred_at, id) < (?, ?)");
            values.add(cursor.occurredAt());
            values.add(cursor.id());
        }
        sql.append(" order by occurred_at desc, id desc limit ?");
        values.add(size + 1);
        List<AuditEvent> events = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                query.setObject(i + 1, values.get(i));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    events.add(new AuditEvent(rows.getObject(1, UUID.class), rows.getObject(2, OffsetDateTime.class),
                            rows.getString(3), rows.getString(4), AuditAction.valueOf(rows.getString(5)),
                            rows.getString(6), rows.getString(7), rows.getString(8), rows.getString(9),
                            rows.getString(10)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the audit trail failed", e);
        }
        if (events.size() <= size) {
            return new AuditPage(events, null);
        }
        List<AuditEvent> page = events.subList(0, size);
        return new AuditPage(List.copyOf(page), AuditCursor.after(page.get(size - 1)).encode());
    }

    private static void condition(StringBuilder sql, List<Object> values, String clause, Object value) {
        if (value != null) {
            sql.append(" and ").append(clause);
            values.add(value);
        }
    }
}
