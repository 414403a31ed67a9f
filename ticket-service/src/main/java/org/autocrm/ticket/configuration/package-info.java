/**
 * A tenant's ticket configuration: categories, custom field definitions, priorities, status
 * labels and canned responses. Admins change it; staff (and, for categories and customer-visible
 * fields, customers) read it.
 *
 * <p>Each item is a small event-sourced aggregate in its own feature package ({@code category},
 * {@code customfield}, {@code priority}, {@code status}, {@code canned}), with a {@code web}
 * adapter. Names that must be unique per tenant are claimed in {@link UniqueNames} inside the
 * command's transaction. Every feature keeps a JDBC read table, updated by a subscribing event
 * handler in the processing group {@value ConfigurationViews#PROCESSING_GROUP} in the same
 * transaction, so reads and {@link JdbcTicketConfiguration} (the port the ticket rules ask) are
 * consistent as soon as a command returns. Every event is published on
 * {@code autocrm.ticket-configuration.v1} by the publisher, keyed by the item id.
 *
 * <p>Feature packages depend on this package, never the other way round.
 */
package org.autocrm.ticket.configuration;
