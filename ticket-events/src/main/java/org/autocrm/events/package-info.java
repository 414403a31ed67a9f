/**
 * The public ticket event contract of AutoCRM.
 *
 * <p>Every state change of a ticket is published on the Kafka topic {@link EventStreams}
 * as an {@link EventEnvelope} (CloudEvents-style, JSON) whose {@code data} is one of the
 * {@link PublishedEvent} records. On the wire an event is identified by its {@code type} string
 * (see {@link EventTypes}), never by a Java class name, so integrators in any language can
 * consume it. The JSON Schemas and the AsyncAPI document under
 * {@code org/autocrm/events/} in this jar are the normative description.
 *
 * <p>Records and schemas only: no Spring, no logic. Changes are additive; a breaking change is a
 * new type version plus an upcaster in the producer.
 */
package org.autocrm.events;
