/**
 * The one refusal model of ticket-service: each feature lists the rules it can refuse a request
 * for as an enum implementing {@link org.autocrm.ticket.refusal.Refusal} (a stable code, the field
 * it is about, its {@link org.autocrm.ticket.refusal.Refusal.Kind kind}, problem type and title) and
 * throws {@link org.autocrm.ticket.refusal.Refused}; the web layer answers every one by its kind.
 * Depends on nothing of ticket-service.
 */
package org.autocrm.ticket.refusal;
