package org.autocrm.events;

/** Where ticket events are published and how records are keyed. */
public final class TicketEventStream {

    /** The topic every ticket event is published on; the record key is the ticket id. */
    public static final String TOPIC = "autocrm.tickets.v1";

    /** The {@code source} of every event published by ticket-service. */
    public static final String SOURCE = "/autocrm/ticket-service";

    /** Kafka header carrying the event type, so consumers can filter without parsing the body. */
    public static final String TYPE_HEADER = "ce_type";

    /** Kafka header carrying the event id. */
    public static final String ID_HEADER = "ce_id";

    private TicketEventStream() {
    }
}
