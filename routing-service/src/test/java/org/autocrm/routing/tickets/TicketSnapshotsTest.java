package org.autocrm.routing.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.autocrm.events.Actor;
import org.autocrm.events.TicketAssigned;
import org.autocrm.events.TicketAttachmentAdded;
import org.autocrm.events.TicketCategoryChanged;
import org.autocrm.events.TicketCreated;
import org.autocrm.events.TicketCustomFieldChanged;
import org.autocrm.events.TicketDetailsChanged;
import org.autocrm.events.TicketEvent;
import org.autocrm.events.TicketMessageAdded;
import org.autocrm.events.TicketPriorityChanged;
import org.autocrm.events.TicketStatus;
import org.autocrm.events.TicketStatusChanged;
import org.autocrm.events.TicketTagsChanged;
import org.autocrm.events.TicketUnassigned;
import org.autocrm.routing.rules.TicketFacts;
import org.junit.jupiter.api.Test;

/** A ticket's snapshot follows its events: what rules, assignment and SLA clocks see after each one. */
class TicketSnapshotsTest {

    private static final String TENANT = "acme";
    private static final String TICKET = "t-1";
    private static final Instant OPENED = Instant.parse("2026-03-02T09:30:00Z");
    private static final Actor CUSTOMER = new Actor("cust-1", "customer");
    private static final Actor AGENT = new Actor("agent-7", "agent");
    private static final CustomerProfile GOLD = new CustomerProfile(TENANT, "cust-1", "Initech", "gold", 3);

    @Test
    void aNewTicketCarriesEverythingItsCreationEventSaysAndTheCustomersCompanyAndTier() {
        TicketSnapshot created = TicketSnapshots.created(event(0, creation()), GOLD, true);

        TicketFacts facts = created.facts();
        assertThat(facts.ticketId()).isEqualTo(TICKET);
        assertThat(facts.channel()).isEqualTo("email");
        assertThat(facts.priority()).isEqualTo("urgent");
        assertThat(facts.categoryId()).isEqualTo("billing");
        assertThat(facts.tags()).containsExactlyInAnyOrder("vip", "invoice");
        assertThat(facts.customFields()).containsEntry("order_total", 120).containsEntry("region", "EMEA");
        assertThat(facts.language()).isEqualTo("de");
        assertThat(facts.subject()).isEqualTo("Invoice twice");
        assertThat(facts.description()).isEqualTo("I was charged twice");
        assertThat(facts.customerCompany()).isEqualTo("Initech");
        assertThat(facts.customerTier()).isEqualTo("gold");
        assertThat(facts.createdAt()).isEqualTo(OPENED);
        assertThat(facts.createdWithinBusinessHours()).isTrue();
        assertThat(facts.status()).isEqualTo(TicketStatus.NEW);
        assertThat(facts.assignedAgentId()).isNull();
        assertThat(created.customerId()).isEqualTo("cust-1");
        assertThat(created.statusChangedAt()).isEqualTo(OPENED);
        assertThat(created.lastCustomerMessageAt()).as("the customer's description is their first message")
                .isEqualTo(OPENED);
        assertThat(created.lastAgentReplyAt()).isNull();
        assertThat(created.sequence()).isZero();
    }

    @Test
    void aTicketOfACustomerNotSeenYetHasNoCompanyOrTier() {
        TicketFacts facts = TicketSnapshots.created(event(0, creation()), null, false).facts();

        assertThat(facts.customerCompany()).isNull();
        assertThat(facts.customerTier()).isNull();
        assertThat(facts.createdWithinBusinessHours()).isFalse();
    }

    @Test
    void eachChangeEventChangesItsOwnFactAndTheSequenceFollows() {
        TicketSnapshot snapshot = TicketSnapshots.created(event(0, creation()), GOLD, true);
        Instant later = OPENED.plusSeconds(60);

        snapshot = next(snapshot, 1, new TicketPriorityChanged(TICKET, TENANT, "urgent", "low", AGENT, later));
        snapshot = next(snapshot, 2, new TicketCategoryChanged(TICKET, TENANT, "billing", "refunds", AGENT, later));
        snapshot = next(snapshot, 3, new TicketTagsChanged(TICKET, TENANT, List.of("routed"), List.of("vip"),
                List.of("invoice", "routed"), AGENT, later));
        snapshot = next(snapshot, 4, new TicketCustomFieldChanged(TICKET, TENANT, "order_total", 120, null, AGENT, later));
        snapshot = next(snapshot, 5, new TicketCustomFieldChanged(TICKET, TENANT, "serial", null, "X-1", AGENT, later));
        snapshot = next(snapshot, 6, new TicketAssigned(TICKET, TENANT, null, "tier-2", null, null, AGENT, later));
        snapshot = next(snapshot, 7, new TicketDetailsChanged(TICKET, TENANT, "Charged twice", "Twice!", AGENT, later));

        TicketFacts facts = snapshot.facts();
        assertThat(facts.priority()).isEqualTo("low");
        assertThat(facts.categoryId()).isEqualTo("refunds");
        assertThat(facts.tags()).containsExactlyInAnyOrder("invoice", "routed");
        assertThat(facts.customFields()).doesNotContainKey("order_total").containsEntry("serial", "X-1")
                .containsEntry("region", "EMEA");
        assertThat(facts.assignedGroupId()).isEqualTo("tier-2");
        assertThat(facts.subject()).isEqualTo("Charged twice");
        assertThat(facts.description()).isEqualTo("Twice!");
        assertThat(facts.channel()).as("what no event changed stays").isEqualTo("email");
        assertThat(snapshot.sequence()).isEqualTo(7);

        snapshot = next(snapshot, 8, new TicketAssigned(TICKET, TENANT, "agent-7", null, null, "tier-2", AGENT, later));
        assertThat(snapshot.facts().assignedAgentId()).isEqualTo("agent-7");
        assertThat(snapshot.facts().assignedGroupId()).isNull();
        snapshot = next(snapshot, 9, new TicketUnassigned(TICKET, TENANT, "agent-7", null, AGENT, later));
        assertThat(snapshot.facts().assignedAgentId()).isNull();
    }

    @Test
    void theStatusItsLabelAndWhenItChangedFollowStatusEvents() {
        TicketSnapshot created = TicketSnapshots.created(event(0, creation()), GOLD, true);
        Instant pendingAt = OPENED.plusSeconds(3600);

        TicketSnapshot pending = next(created, 1, new TicketStatusChanged(TICKET, TENANT, TicketStatus.NEW,
                TicketStatus.PENDING, "Waiting for parts", "manual", null, AGENT, pendingAt));

        assertThat(pending.facts().status()).isEqualTo(TicketStatus.PENDING);
        assertThat(pending.statusLabel()).isEqualTo("Waiting for parts");
        assertThat(pending.statusChangedAt()).isEqualTo(pendingAt);
        assertThat(pending.isDone()).isFalse();
        assertThat(next(pending, 2, new TicketStatusChanged(TICKET, TENANT, TicketStatus.PENDING,
                TicketStatus.RESOLVED, null, "manual", "Refunded", AGENT, pendingAt)).isDone()).isTrue();
    }

    @Test
    void customerMessagesAndPublicRepliesOfStaffAreTimedButInternalNotesAreNot() {
        TicketSnapshot created = TicketSnapshots.created(event(0, creation()), GOLD, true);
        Instant reply = OPENED.plusSeconds(600);
        Instant note = OPENED.plusSeconds(900);
        Instant answer = OPENED.plusSeconds(1200);

        TicketSnapshot replied = next(created, 1, message(AGENT, "public", reply));
        TicketSnapshot noted = next(replied, 2, message(AGENT, "internal", note));
        TicketSnapshot answered = next(noted, 3, message(CUSTOMER, "public", answer));

        assertThat(replied.lastAgentReplyAt()).isEqualTo(reply);
        assertThat(noted.lastAgentReplyAt()).isEqualTo(reply);
        assertThat(answered.lastCustomerMessageAt()).isEqualTo(answer);
        assertThat(answered.lastAgentReplyAt()).isEqualTo(reply);
    }

    @Test
    void anEventNothingLooksAtOnlyMovesTheSequenceAndACustomerUpdateReachesTheNextSnapshot() {
        TicketSnapshot created = TicketSnapshots.created(event(0, creation()), null, true);
        CustomerProfile platinum = new CustomerProfile(TENANT, "cust-1", "Initrode", "platinum", 4);

        TicketSnapshot after = TicketSnapshots.next(created, event(1, new TicketAttachmentAdded(TICKET, TENANT, "a-1",
                null, "invoice.pdf", "application/pdf", 1200, "abc", CUSTOMER, OPENED)), platinum);

        assertThat(after.sequence()).isEqualTo(1);
        assertThat(after.facts().customerTier()).isEqualTo("platinum");
        assertThat(after.facts().customerCompany()).isEqualTo("Initrode");
        assertThat(after.facts().subject()).isEqualTo(created.facts().subject());
    }

    private static TicketCreated creation() {
        return new TicketCreated(TICKET, TENANT, 1042, "Invoice twice", "I was charged twice", "cust-1", "urgent",
                TicketStatus.NEW, "email", "de", "billing", List.of("vip", "invoice"),
                Map.of("order_total", 120, "region", "EMEA"), null, CUSTOMER, OPENED);
    }

    private static TicketMessageAdded message(Actor by, String visibility, Instant at) {
        return new TicketMessageAdded(TICKET, TENANT, "m-" + at.getEpochSecond(), "th-1",
                "internal".equals(visibility) ? "internal" : "external", visibility, "text", List.of(), List.of(), by,
                at);
    }

    private static TicketSnapshot next(TicketSnapshot before, long sequence, TicketEvent payload) {
        return TicketSnapshots.next(before, event(sequence, payload), GOLD);
    }

    static TicketStreamEvent event(long sequence, TicketEvent payload) {
        return new TicketStreamEvent("e-" + sequence, "autocrm.ticket.x.v1", payload.at(), TENANT, TICKET, sequence,
                payload, payload.by());
    }
}
