/**
 * Who acts: the conversion between the service kit's caller and role and the event contract's
 * {@code Actor}, which carries a role as its wire string. Depends on nothing else of ticket-service.
 */
package org.autocrm.ticket.actor;
