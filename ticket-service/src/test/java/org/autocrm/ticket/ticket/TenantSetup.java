package org.autocrm.ticket.ticket;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.autocrm.events.TicketStatus;

/**
 * The ports the Ticket aggregate asks, answered from memory, so aggregate tests can set up a tenant
 * in a line. The real answers come from PostgreSQL and are covered by the integration tests.
 */
class TenantSetup implements TicketConfiguration, CustomerDirectory, TicketNumbers, IdempotentRequests {

    final Map<String, CategoryState> categories = new HashMap<>();
    final Map<String, CustomFieldDefinition> fields = new HashMap<>();
    final Map<String, TicketStatus> labels = new HashMap<>();
    final Map<String, CustomerSummary> customers = new HashMap<>();
    final Map<String, Claim> claims = new HashMap<>();
    List<String> priorities = List.of("LOW", "MEDIUM", "HIGH", "URGENT");
    final AtomicLong lastNumber = new AtomicLong(1041);

    TenantSetup customer(String id) {
        customers.put(id, new CustomerSummary(id, "Sarah Chen", id + "@acme.example", "Acme Corp", "en"));
        return this;
    }

    TenantSetup field(String key, FieldType type, boolean required, List<String> options) {
        fields.put(key, new CustomFieldDefinition(key, key, type, options, required, true, false));
        return this;
    }

    @Override
    public CategoryState category(String tenantId, String categoryId) {
        return categories.getOrDefault(categoryId, CategoryState.UNKNOWN);
    }

    @Override
    public Map<String, CustomFieldDefinition> customFields(String tenantId) {
        return fields;
    }

    @Override
    public List<String> priorities(String tenantId) {
        return priorities;
    }

    @Override
    public Optional<TicketStatus> statusOfLabel(String tenantId, String label) {
        return Optional.ofNullable(labels.get(label));
    }

    @Override
    public Optional<CustomerSummary> find(String tenantId, String customerId) {
        return Optional.ofNullable(customers.get(customerId));
    }

    @Override
    public Optional<CustomerSummary> findByEmail(String tenantId, String email) {
        return customers.values().stream().filter(c -> c.primaryEmail().equalsIgnoreCase(email)).findFirst();
    }

    @Override
    public long next(String tenantId) {
        return lastNumber.incrementAndGet();
    }

    @Override
    public Optional<Claim> claim(String tenantId, String key, String fingerprint, String ticketId) {
        Claim earlier = claims.putIfAbsent(tenantId + "/" + key, new Claim(ticketId, fingerprint));
        return Optional.ofNullable(earlier);
    }
}
