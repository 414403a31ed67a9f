package org.autocrm.query.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.autocrm.events.Actor;
import org.autocrm.events.CustomerCreated;
import org.autocrm.events.EventEnvelope;
import org.autocrm.events.EventStreams;
import org.autocrm.events.EventTypes;
import org.autocrm.events.PublishedEvent;
import org.autocrm.events.TicketAssigned;
import org.autocrm.events.TicketCreated;
import org.autocrm.events.TicketMessageAdded;
import org.autocrm.events.TicketPriorityChanged;
import org.autocrm.events.TicketSatisfactionRated;
import org.autocrm.events.TicketStatus;
import org.autocrm.events.TicketStatusChanged;
import org.autocrm.events.TicketTagsChanged;

/**
 * Writes the life of a ticket as ticket-service would publish it, with the contract's own event
 * records: opened by a customer, mostly assigned, answered, sometimes escalated in priority,
 * often resolved, sometimes rated and closed. About five events per ticket on average.
 */
final class TicketLifecycles {

    private static final Actor SYSTEM = new Actor("system", "system");

    private final AtomicLong numbers = new AtomicLong(1000);

    /** The events of one ticket, in order, starting at {@code openedAt}; {@code full} false gives just the creation. */
    List<EventEnvelope<PublishedEvent>> ticket(SupportWorld.Tenant tenant, SplittableRandom random, Instant openedAt,
                                               boolean full) {
        String ticketId = UUID.randomUUID().toString();
        Events events = new Events(tenant.id(), ticketId);
        String customerId = tenant.customer(random);
        Actor customer = new Actor(customerId, "customer");
        Instant at = openedAt;
        String priority = SupportWorld.priority(random);
        events.add(new TicketCreated(ticketId, tenant.id(), numbers.incrementAndGet(), SupportWorld.subject(random),
                SupportWorld.body(random), customerId, priority, TicketStatus.NEW,
                SupportWorld.pick(random, SupportWorld.CHANNELS), SupportWorld.pick(random, SupportWorld.LANGUAGES),
                random.nextInt(10) < 7 ? tenant.category(random) : null, SupportWorld.tags(random),
                random.nextBoolean() ? Map.of("plan", SupportWorld.pick(random, SupportWorld.TIERS)) : Map.of(),
                null, customer, at), at);
        if (!full) {
            return events.list;
        }
        if (random.nextInt(100) < 80) {
            String agent = tenant.agent(random);
            at = later(at, random, 5, 240);
            events.add(new TicketAssigned(ticketId, tenant.id(), agent, tenant.groupOf(agent), null, null, SYSTEM, at),
                    at);
            Actor staff = new Actor(agent, "agent");
            int replies = random.nextInt(4);
            TicketStatus status = TicketStatus.NEW;
            for (int i = 0; i < replies; i++) {
                at = later(at, random, 10, 1440);
                boolean internal = random.nextInt(10) < 2;
                boolean fromCustomer = !internal && i % 2 == 1;
                events.add(message(ticketId, tenant.id(), internal ? "internal" : "public",
                        SupportWorld.body(random), fromCustomer ? customer : staff, at), at);
                if (status == TicketStatus.NEW && !fromCustomer) {
                    events.add(new TicketStatusChanged(ticketId, tenant.id(), status, TicketStatus.OPEN, null, null,
                            null, staff, at), at);
                    status = TicketStatus.OPEN;
                }
            }
            if (random.nextInt(100) < 8) {
                at = later(at, random, 1, 60);
                String raised = priority.equals("URGENT") ? "HIGH" : "URGENT";
                events.add(new TicketPriorityChanged(ticketId, tenant.id(), priority, raised, staff, at), at);
            }
            if (random.nextInt(100) < 15) {
                List<String> tags = SupportWorld.tags(random);
                at = later(at, random, 1, 60);
                events.add(new TicketTagsChanged(ticketId, tenant.id(), tags, List.of(), tags, staff, at), at);
            }
            if (random.nextInt(100) < 65) {
                at = later(at, random, 30, 4320);
                events.add(new TicketStatusChanged(ticketId, tenant.id(), status, TicketStatus.RESOLVED, null, null,
                        "Explained the fix and confirmed it works", staff, at), at);
                if (random.nextInt(100) < 30) {
                    at = later(at, random, 5, 600);
                    int score = random.nextInt(100) < 80 ? 4 + random.nextInt(2) : 1 + random.nextInt(3);
                    events.add(new TicketSatisfactionRated(ticketId, tenant.id(), "five_point", score, null, customer,
                            at), at);
                }
                if (random.nextInt(100) < 40) {
                    at = later(at, random, 1440, 10080);
                    events.add(new TicketStatusChanged(ticketId, tenant.id(), TicketStatus.RESOLVED,
                            TicketStatus.CLOSED, null, null, null, SYSTEM, at), at);
                }
            }
        }
        return events.list;
    }

    /** The customer records the tickets refer to, so projections that join customers have them. */
    List<EventEnvelope<PublishedEvent>> customers(SupportWorld.Tenant tenant, SplittableRandom random, Instant at) {
        List<EventEnvelope<PublishedEvent>> customers = new ArrayList<>();
        for (int i = 0; i < tenant.customers(); i++) {
            String id = tenant.id() + "-customer-" + i;
            CustomerCreated created = new CustomerCreated(id, tenant.id(), "Customer " + i,
                    List.of("customer" + i + "@" + tenant.id() + ".example"), null, tenant.company(i),
                    SupportWorld.pick(random, SupportWorld.TIERS), "en", "UTC", null, SYSTEM, at);
            customers.add(envelope(EventTypes.typeOf(CustomerCreated.class), id, tenant.id(), 0, created, at));
        }
        return customers;
    }

    private static TicketMessageAdded message(String ticketId, String tenantId, String visibility, String body,
                                              Actor by, Instant at) {
        return new TicketMessageAdded(ticketId, tenantId, UUID.randomUUID().toString(), null,
                "internal".equals(visibility) ? "internal" : "external", visibility, body, List.of(), List.of(), by,
                at);
    }

    private static Instant later(Instant at, SplittableRandom random, int minMinutes, int maxMinutes) {
        return at.plus(Duration.ofMinutes(minMinutes + random.nextInt(maxMinutes - minMinutes + 1)));
    }

    private static EventEnvelope<PublishedEvent> envelope(String type, String subject, String tenantId, long sequence,
                                                          PublishedEvent data, Instant at) {
        return new EventEnvelope<>(EventEnvelope.SPEC_VERSION, UUID.randomUUID().toString(), type,
                EventStreams.TICKET_SERVICE_SOURCE, at, subject, tenantId, sequence, EventEnvelope.CONTENT_TYPE, data);
    }

    /** One ticket's envelopes with gapless sequences. */
    private static final class Events {
        final String tenantId;
        final String ticketId;
        final List<EventEnvelope<PublishedEvent>> list = new ArrayList<>();

        Events(String tenantId, String ticketId) {
            this.tenantId = tenantId;
            this.ticketId = ticketId;
        }

        void add(PublishedEvent event, Instant at) {
            list.add(envelope(EventTypes.typeOf(event.getClass()), ticketId, tenantId, list.size(), event, at));
        }
    }
}
