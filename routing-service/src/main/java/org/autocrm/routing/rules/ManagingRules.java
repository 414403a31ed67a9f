package org.autocrm.routing.rules;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * An admin's work on a tenant's rules: every rule is checked by {@link RuleParser} before anything is stored, so a
 * refused rule ({@link InvalidRule}) leaves the store as it was; changes name the version they were made on.
 *
 * <p>A new or changed rule is checked against the tenant's custom fields that can still be set
 * ({@link TenantVocabularies#forEditing}); a stored rule is tried with every field ever defined. Channels and priorities
 * are accepted as written.
 */
@Service
public class ManagingRules {

    private final RuleStore store;
    private final KnownTickets tickets;
    private final TenantVocabularies vocabularies;
    private final Clock clock;

    public ManagingRules(RuleStore store, KnownTickets tickets, TenantVocabularies vocabularies, Clock clock) {
        this.store = store;
        this.tickets = tickets;
        this.vocabularies = vocabularies;
        this.clock = clock;
    }

    public List<StoredRule> list(String tenantId) {
        return store.list(tenantId);
    }

    public StoredRule get(String tenantId, String id) {
        return store.find(tenantId, id).orElseThrow(() -> new RuleNotFound(id));
    }

    public StoredRule create(String tenantId, RuleSpec spec) {
        String id = UUID.randomUUID().toString();
        RuleParser.parse(id, spec, vocabulary(tenantId));
        Instant now = clock.instant();
        StoredRule rule = new StoredRule(tenantId, id, spec, 0, now, now);
        store.insert(rule);
        return rule;
    }

    /**
     * Replaces the rule as written.
     *
     * @param expectedVersion the version the change was made on; empty to replace whatever is there
     */
    public StoredRule replace(String tenantId, String id, RuleSpec spec, Optional<Long> expectedVersion) {
        StoredRule current = get(tenantId, id);
        checkVersion(current, expectedVersion);
        RuleParser.parse(id, spec, vocabulary(tenantId));
        StoredRule replaced = new StoredRule(tenantId, id, spec, current.version() + 1, current.createdAt(),
                clock.instant());
        if (!store.replace(replaced, current.version())) {
            throw lostRace(tenantId, id, current.version());
        }
        return replaced;
    }

    public void delete(String tenantId, String id, Optional<Long> expectedVersion) {
        StoredRule current = get(tenantId, id);
        checkVersion(current, expectedVersion);
        if (!store.delete(tenantId, id, current.version())) {
            throw lostRace(tenantId, id, current.version());
        }
    }

    /** The dry run of a stored rule on a ticket as the caller describes it: nothing is done. */
    public RuleTest test(String tenantId, String id, TicketFacts ticket) {
        return get(tenantId, id).rule(vocabularies.forRunning(tenantId)).test(ticket);
    }

    /**
     * The dry run of a stored rule on a ticket as routing-service last saw it on the ticket stream.
     *
     * @throws RuleNotFound   before the ticket is looked up
     * @throws TicketNotFound when this tenant has no such ticket here
     */
    public RuleTest testOnKnownTicket(String tenantId, String id, String ticketId) {
        Rule rule = get(tenantId, id).rule(vocabularies.forRunning(tenantId));
        return rule.test(tickets.facts(tenantId, ticketId).orElseThrow(() -> new TicketNotFound(ticketId)));
    }

    /** What a new or changed rule is checked against. */
    private RuleVocabulary vocabulary(String tenantId) {
        return vocabularies.forEditing(tenantId);
    }

    private static void checkVersion(StoredRule current, Optional<Long> expectedVersion) {
        if (expectedVersion.isPresent() && expectedVersion.get() != current.version()) {
            throw new StaleRule(current.id(), expectedVersion.get(), current.version());
        }
    }

    /** Changed or deleted between our read and our write. */
    private RuntimeException lostRace(String tenantId, String id, long readVersion) {
        return store.find(tenantId, id)
                .<RuntimeException>map(now -> new StaleRule(id, readVersion, now.version()))
                .orElseGet(() -> new RuleNotFound(id));
    }
}
