package org.autocrm.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The wire name and topic of every published event and its payload record. Consumers look a type
 * up here and skip types they do not know; a new version of an event is a new entry, never an edit.
 */
public final class EventTypes {

    /** One published event: its wire type, the topic it goes to and its payload record. */
    public record Registration(String type, String topic, Class<? extends PublishedEvent> payload) {
    }

    private static final List<Registration> ALL = List.of(
            ticket("created", TicketCreated.class),
            ticket("details_changed", TicketDetailsChanged.class),
            ticket("status_changed", TicketStatusChanged.class),
            ticket("priority_changed", TicketPriorityChanged.class),
            ticket("assigned", TicketAssigned.class),
            ticket("unassigned", TicketUnassigned.class),
            ticket("escalated", TicketEscalated.class),
            ticket("message_added", TicketMessageAdded.class),
            ticket("attachment_added", TicketAttachmentAdded.class),
            ticket("category_changed", TicketCategoryChanged.class),
            ticket("tags_changed", TicketTagsChanged.class),
            ticket("custom_field_changed", TicketCustomFieldChanged.class),
            ticket("merged", TicketMerged.class),
            ticket("merge_received", TicketMergeReceived.class),
            ticket("linked", TicketLinked.class),
            ticket("satisfaction_rated", TicketSatisfactionRated.class),
            new Registration("autocrm.customer.created.v1", EventStreams.CUSTOMERS, CustomerCreated.class),
            new Registration("autocrm.customer.updated.v1", EventStreams.CUSTOMERS, CustomerUpdated.class),
            configuration("category.created", CategoryCreated.class),
            configuration("category.renamed", CategoryRenamed.class),
            configuration("category.moved", CategoryMoved.class),
            configuration("category.archived", CategoryArchived.class),
            configuration("custom_field.defined", CustomFieldDefined.class),
            configuration("custom_field.changed", CustomFieldChanged.class),
            configuration("custom_field.retired", CustomFieldRetired.class),
            configuration("canned_response.saved", CannedResponseSaved.class),
            configuration("canned_response.deleted", CannedResponseDeleted.class),
            configuration("status_label.defined", StatusLabelDefined.class),
            configuration("priorities.defined", PrioritiesDefined.class),
            new Registration("autocrm.sla.clock_changed.v1", EventStreams.SLA, SlaClockChanged.class),
            new Registration("autocrm.sla.warning_reached.v1", EventStreams.SLA, SlaWarningReached.class),
            new Registration("autocrm.sla.breached.v1", EventStreams.SLA, SlaBreached.class),
            new Registration("autocrm.security.event_recorded.v1", EventStreams.SECURITY, SecurityEventRecorded.class));

    private static final Map<Class<? extends PublishedEvent>, Registration> BY_PAYLOAD = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Registration::payload, Function.identity()));
    private static final Map<String, Registration> BY_TYPE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Registration::type, Function.identity()));

    /** Classpath location of the JSON Schema of the envelope. */
    public static final String ENVELOPE_SCHEMA = "/org/autocrm/events/schemas/envelope.v1.schema.json";

    private EventTypes() {
    }

    /** The registration of a payload class; fails for a class that is not part of the contract. */
    public static Registration of(Class<? extends PublishedEvent> payloadClass) {
        Registration registration = BY_PAYLOAD.get(payloadClass);
        if (registration == null) {
            throw new IllegalArgumentException(payloadClass.getName() + " is not a published event");
        }
        return registration;
    }

    /** The wire type of a payload class. */
    public static String typeOf(Class<? extends PublishedEvent> payloadClass) {
        return of(payloadClass).type();
    }

    /** The payload record of a wire type, or empty for a type this version of the contract does not know. */
    public static Optional<Class<? extends PublishedEvent>> payloadOf(String type) {
        return Optional.ofNullable(BY_TYPE.get(type)).map(Registration::payload);
    }

    /** Every published event. */
    public static List<Registration> all() {
        return ALL;
    }

    /** Every known wire type. */
    public static Set<String> types() {
        return BY_TYPE.keySet();
    }

    /** Classpath location of the JSON Schema for the {@code data} of a wire type. */
    public static String schemaResource(String type) {
        return "/org/autocrm/events/schemas/" + type + ".schema.json";
    }

    private static Registration ticket(String name, Class<? extends TicketEvent> payload) {
        return new Registration("autocrm.ticket." + name + ".v1", EventStreams.TICKETS, payload);
    }

    private static Registration configuration(String name, Class<? extends TicketConfigurationEvent> payload) {
        return new Registration("autocrm." + name + ".v1", EventStreams.TICKET_CONFIGURATION, payload);
    }
}
