package org.autocrm.events;

/** The topics AutoCRM publishes on, and the headers every record carries. Record key = aggregate id. */
public final class EventStreams {

    /** Every ticket event, keyed by ticket id. */
    public static final String TICKETS = "autocrm.tickets.v1";

    /** Every customer profile event, keyed by customer id. */
    public static final String CUSTOMERS = "autocrm.customers.v1";

    /** Every ticket configuration event (categories, fields, canned responses, ...), keyed by item id. */
    public static final String TICKET_CONFIGURATION = "autocrm.ticket-configuration.v1";

    /** Every change of a ticket's SLA clocks (routing-service), keyed by ticket id. */
    public static final String SLA = "autocrm.sla.v1";

    /** The {@code source} of every event published by routing-service. */
    public static final String ROUTING_SERVICE_SOURCE = "/autocrm/routing-service";

    /** Every security event of the gateway's audit log (sign-ins, lockouts, API keys, role changes), keyed by tenant id. */
    public static final String SECURITY = "autocrm.security.v1";

    /** The {@code source} of every event published by the gateway. */
    public static final String GATEWAY_SOURCE = "/autocrm/gateway";

    /** The {@code source} of every event published by ticket-service. */
    public static final String TICKET_SERVICE_SOURCE = "/autocrm/ticket-service";

    /** Kafka header carrying the event type, so consumers can filter without parsing the body. */
    public static final String TYPE_HEADER = "ce_type";

    /** Kafka header carrying the event id. */
    public static final String ID_HEADER = "ce_id";

    private EventStreams() {
    }
}
