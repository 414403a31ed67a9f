package org.autocrm.events;

/**
 * A change to a tenant's ticket configuration (categories, custom fields, canned responses,
 * status labels, priorities), published on {@link EventStreams#TICKET_CONFIGURATION}.
 */
public interface TicketConfigurationEvent extends PublishedEvent {
}
