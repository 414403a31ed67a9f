package org.autocrm.ticket.customer;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.autocrm.ticket.ticket.CustomerDirectory;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The customer tables in PostgreSQL (V3__customers.sql): {@code customer_email} holds each claimed
 * address once per tenant under a unique key, {@code customer} one lookup row per customer.
 *
 * <p>Called from command handlers, every statement joins the command's transaction. A claim is an
 * {@code INSERT ... ON CONFLICT DO NOTHING}: when two transactions claim the same address at once,
 * PostgreSQL makes the second wait for the first and then reports the conflict, on any replica.
 */
@Component
class JdbcCustomerRegister implements CustomerRegister, CustomerDirectory {

    /** A claim can lose a race with a release committed between its two statements; then it simply tries again. */
    private static final int CLAIM_ATTEMPTS = 3;

    private final JdbcTemplate jdbc;

    JdbcCustomerRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<EmailOwner> claimEmails(String tenantId, String customerId, List<String> emails) {
        for (String email : emails) {
            Optional<String> owner = claim(tenantId, customerId, email);
            if (owner.isPresent()) {
                return Optional.of(new EmailOwner(email, owner.get()));
            }
        }
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    DELETE FROM customer_email
                    WHERE tenant_id = ? AND customer_id = ? AND NOT (email = ANY (?))
                    """);
            statement.setString(1, tenantId);
            statement.setString(2, customerId);
            statement.setArray(3, connection.createArrayOf("text", emails.toArray()));
            return statement;
        });
        return Optional.empty();
    }

    /** Claims one address; returns the other customer that has it, if any. */
    private Optional<String> claim(String tenantId, String customerId, String email) {
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            int inserted = jdbc.update("""
                    INSERT INTO customer_email (tenant_id, email, customer_id) VALUES (?, ?, ?)
                    ON CONFLICT (tenant_id, email) DO NOTHING
                    """, tenantId, email, customerId);
            if (inserted == 1) {
                return Optional.empty();
            }
            List<String> owners = jdbc.queryForList(
                    "SELECT customer_id FROM customer_email WHERE tenant_id = ? AND email = ?",
                    String.class, tenantId, email);
            if (!owners.isEmpty()) {
                return owners.get(0).equals(customerId) ? Optional.empty() : Optional.of(owners.get(0));
            }
        }
        throw new IllegalStateException("Could not claim " + email + " in tenant " + tenantId
                + ": it was claimed and released repeatedly while trying");
    }

    @Override
    public void record(String tenantId, String customerId, CustomerProfile profile, long version) {
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    INSERT INTO customer (tenant_id, customer_id, name, emails, primary_email, phone, company, tier,
                                          language, time_zone, external_id, version)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (tenant_id, customer_id) DO UPDATE SET
                        name = EXCLUDED.name, emails = EXCLUDED.emails, primary_email = EXCLUDED.primary_email,
                        phone = EXCLUDED.phone, company = EXCLUDED.company, tier = EXCLUDED.tier,
                        language = EXCLUDED.language, time_zone = EXCLUDED.time_zone,
                        external_id = EXCLUDED.external_id, version = EXCLUDED.version
                    """);
            statement.setString(1, tenantId);
            statement.setString(2, customerId);
            statement.setString(3, profile.name());
            statement.setArray(4, connection.createArrayOf("text", profile.emails().toArray()));
            statement.setString(5, profile.primaryEmail());
            statement.setString(6, profile.phone());
            statement.setString(7, profile.company());
            statement.setString(8, profile.tier());
            statement.setString(9, profile.language());
            statement.setString(10, profile.timeZone());
            statement.setString(11, profile.externalId());
            statement.setLong(12, version);
            return statement;
        });
    }

    @Override
    public Optional<CustomerSummary> find(String tenantId, String customerId) {
        return jdbc.query("""
                SELECT customer_id, name, primary_email, company, language FROM customer
                WHERE tenant_id = ? AND customer_id = ?
                """, JdbcCustomerRegister::summary, tenantId, customerId).stream().findFirst();
    }

    @Override
    public Optional<CustomerSummary> findByEmail(String tenantId, String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return jdbc.query("""
                SELECT c.customer_id, c.name, c.primary_email, c.company, c.language
                FROM customer_email e JOIN customer c ON c.tenant_id = e.tenant_id AND c.customer_id = e.customer_id
                WHERE e.tenant_id = ? AND e.email = ?
                """, JdbcCustomerRegister::summary, tenantId, email.strip().toLowerCase(Locale.ROOT))
                .stream().findFirst();
    }

    @QueryHandler
    public Optional<CustomerDetails> handle(FindCustomer query) {
        return jdbc.query("""
                SELECT customer_id, name, emails, phone, company, tier, language, time_zone, external_id, version
                FROM customer WHERE tenant_id = ? AND customer_id = ?
                """, JdbcCustomerRegister::details, query.tenantId(), query.customerId()).stream().findFirst();
    }

    private static CustomerSummary summary(ResultSet row, int rowNumber) throws SQLException {
        return new CustomerSummary(row.getString("customer_id"), row.getString("name"),
                row.getString("primary_email"), row.getString("company"), row.getString("language"));
    }

    private static CustomerDetails details(ResultSet row, int rowNumber) throws SQLException {
        Array emails = row.getArray("emails");
        return new CustomerDetails(row.getString("customer_id"), row.getString("name"),
                List.of((String[]) emails.getArray()), row.getString("phone"), row.getString("company"),
                row.getString("tier"), row.getString("language"), row.getString("time_zone"),
                row.getString("external_id"), row.getLong("version"));
    }
}
