package org.autocrm.ticket.numbering;

import org.autocrm.ticket.ticket.TicketNumbers;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One counter row per tenant. The upsert takes a row lock held until the command's transaction
 * commits, so numbers are gap-free and never handed out twice, even across replicas.
 */
@Component
class JdbcTicketNumbers implements TicketNumbers {

    private final JdbcTemplate jdbc;

    JdbcTicketNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long next(String tenantId) {
        Long number = jdbc.queryForObject("""
                INSERT INTO ticket_number (tenant_id, last_number) VALUES (?, 1)
                ON CONFLICT (tenant_id) DO UPDATE SET last_number = ticket_number.last_number + 1
                RETURNING last_number
                """, Long.class, tenantId);
        return number;
    }
}
