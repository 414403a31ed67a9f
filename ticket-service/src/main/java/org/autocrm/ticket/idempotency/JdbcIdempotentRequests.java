package org.autocrm.ticket.idempotency;

import java.util.Optional;
import org.autocrm.ticket.ticket.IdempotentRequests;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Claims keys with an insert that waits for a concurrent claim of the same key to commit or roll
 * back, so two simultaneous retries still open one ticket.
 */
@Component
class JdbcIdempotentRequests implements IdempotentRequests {

    private final JdbcTemplate jdbc;

    JdbcIdempotentRequests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Claim> claim(String tenantId, String key, String fingerprint, String ticketId) {
        int inserted = jdbc.update("""
                INSERT INTO idempotency_key (tenant_id, key, fingerprint, ticket_id) VALUES (?, ?, ?, ?)
                ON CONFLICT (tenant_id, key) DO NOTHING
                """, tenantId, key, fingerprint, ticketId);
        if (inserted == 1) {
            return Optional.empty();
        }
        return Optional.of(jdbc.queryForObject(
                "SELECT ticket_id, fingerprint FROM idempotency_key WHERE tenant_id = ? AND key = ?",
                (rs, row) -> new Claim(rs.getString("ticket_id"), rs.getString("fingerprint")), tenantId, key));
    }
}
