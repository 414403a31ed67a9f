package org.autocrm.query.ticketsearch;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.autocrm.access.Caller;
import org.autocrm.access.Role;
import org.autocrm.query.customfields.CustomerVisibleFields;

/**
 * Which tickets a caller may see, as an Elasticsearch filter added to every query: admins, team
 * leads and API keys (with tickets:read) see all tickets of their tenant; agents those assigned to them, to one of their groups, or
 * to no one; customers only their own. Nothing crosses tenants. Also which messages of a ticket they see: public
 * replies everyone who sees the ticket, internal notes staff and API keys, admin-only notes admins; the same rule
 * decides which message text a caller's full-text search may reach. And which custom fields a customer sees: not
 * the agent-only ones (only those {@link CustomerVisibleFields} knows customers may see).
 */
final class TicketVisibility {

    /** A message's {@code visibility} as the events write it. */
    static final String PUBLIC = "public";
    static final String INTERNAL = "internal";
    static final String ADMIN_ONLY = "admin_only";

    private TicketVisibility() {
    }

    static Query filter(Caller caller) {
        return Query.of(q -> q.bool(b -> {
            b.filter(f -> f.term(t -> t.field("tenantId").value(caller.tenantId())));
            switch (caller.role()) {
                case ADMIN, TEAM_LEAD, API_KEY, AUTOMATION -> { }
                case CUSTOMER -> b.filter(f -> f.term(t -> t.field("customerId").value(caller.userId())));
                case AGENT -> b.filter(f -> f.bool(agent -> agentSees(agent, caller)));
            }
            return b;
        }));
    }

    /** A document the caller has already been given by id: may they see it? Same rules as {@link #filter}. */
    static boolean sees(Caller caller, TicketDocument ticket) {
        return seesWhenAssigned(caller, ticket, ticket.agentId(), ticket.groupId());
    }

    /**
     * Whether the caller sees the ticket while it is assigned so: {@link #sees} with this agent and group instead of
     * the document's (the assignment before an event changed it).
     */
    static boolean seesWhenAssigned(Caller caller, TicketDocument ticket, String agentId, String groupId) {
        if (!caller.tenantId().equals(ticket.tenantId())) {
            return false;
        }
        return switch (caller.role()) {
            case ADMIN, TEAM_LEAD, API_KEY, AUTOMATION -> true;
            case CUSTOMER -> caller.userId().equals(ticket.customerId());
            case AGENT -> caller.userId().equals(agentId) || groupId != null && caller.groups().contains(groupId)
                    || agentId == null && groupId == null;
        };
    }

    /**
     * Whether the caller, who sees the ticket, may read a message of this visibility. A visibility this service
     * does not know (yet) is read by admins only.
     */
    static boolean readsMessage(Caller caller, String visibility) {
        return switch (visibility == null ? "" : visibility) {
            case PUBLIC -> true;
            case INTERNAL -> caller.actsForOrganisation();
            default -> caller.role() == Role.ADMIN;
        };
    }

    /**
     * The custom field values the caller may see: staff and API keys all; customers only the fields the tenant
     * shows customers (never an agent-only one, nor one whose definition is unknown), and none at all while this
     * replica has not read the definitions yet.
     */
    static Map<String, Object> customFields(Caller caller, TicketDocument ticket, CustomerVisibleFields customerVisible) {
        Map<String, Object> values = ticket.customFields() == null ? Map.of() : ticket.customFields();
        if (caller.role() != Role.CUSTOMER || values.isEmpty()) {
            return values;
        }
        return customerVisible.of(ticket.tenantId())
                .map(shown -> values.entrySet().stream().filter(value -> shown.contains(value.getKey()))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
                                LinkedHashMap::new)))
                .<Map<String, Object>>map(filtered -> filtered)
                .orElse(Map.of());
    }

    /**
     * Whether the caller sees this custom field at all (and so may filter on it, or hear that it changed): a
     * customer only a field shown to customers, else a filter would tell them its values.
     */
    static boolean seesField(Caller caller, String key, CustomerVisibleFields customerVisible) {
        return caller.role() != Role.CUSTOMER
                || customerVisible.of(caller.tenantId()).map(shown -> shown.contains(key)).orElse(false);
    }

    /** The text fields full-text search reads for this caller: the text of the messages they may read. */
    static List<String> searchableText(Caller caller) {
        List<String> fields = new ArrayList<>(List.of("subject^3", "description", "publicText"));
        if (readsMessage(caller, INTERNAL)) {
            fields.add("internalText");
        }
        if (readsMessage(caller, ADMIN_ONLY)) {
            fields.add("adminText");
        }
        return fields;
    }

    private static BoolQuery.Builder agentSees(BoolQuery.Builder agent, Caller caller) {
        agent.should(s -> s.term(t -> t.field("agentId").value(caller.userId())));
        if (!caller.groups().isEmpty()) {
            agent.should(s -> s.terms(t -> t.field("groupId").terms(v -> v.value(
                    caller.groups().stream().map(FieldValue::of).toList()))));
        }
        agent.should(s -> s.bool(none -> none
                .mustNot(m -> m.exists(e -> e.field("agentId")))
                .mustNot(m -> m.exists(e -> e.field("groupId")))));
        return agent.minimumShouldMatch("1");
    }
}
