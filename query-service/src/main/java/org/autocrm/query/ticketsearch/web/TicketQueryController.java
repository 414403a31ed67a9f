package org.autocrm.query.ticketsearch.web;

import java.io.IOException;
import org.autocrm.query.tenancy.Caller;
import org.autocrm.query.ticketsearch.QueueStatistics;
import org.autocrm.query.ticketsearch.TicketPage;
import org.autocrm.query.ticketsearch.TicketQueries;
import org.autocrm.query.ticketsearch.TicketSearch;
import org.autocrm.query.ticketsearch.TicketSort;
import org.autocrm.query.ticketsearch.TicketView;
import org.autocrm.query.web.NotFound;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ticket read API. Every answer covers only what the caller may see; a ticket or customer they
 * may not see is not found, never forbidden, so its existence is not revealed.
 */
@RestController
class TicketQueryController {

    private final TicketQueries tickets;

    TicketQueryController(TicketQueries tickets) {
        this.tickets = tickets;
    }

    @GetMapping("/api/tickets/{id}")
    TicketView ticket(@PathVariable String id, Caller caller) throws IOException {
        return tickets.find(caller, id).orElseThrow(() -> new NotFound("There is no ticket " + id));
    }

    @GetMapping("/api/tickets")
    TicketPage tickets(@RequestParam MultiValueMap<String, String> parameters, Caller caller) throws IOException {
        return tickets.search(caller, TicketSearchParameters.read(parameters));
    }

    @GetMapping("/api/tickets/queue")
    QueueStatistics queue(Caller caller) throws IOException {
        return tickets.queue(caller);
    }

    /** A customer's tickets, newest first: for staff of the tenant, and for the customer themself. */
    @GetMapping("/api/customers/{customerId}/tickets")
    TicketPage customerTickets(@PathVariable String customerId,
                               @RequestParam MultiValueMap<String, String> parameters, Caller caller)
            throws IOException {
        if (caller.isCustomer() && !caller.userId().equals(customerId)) {
            throw new NotFound("There is no customer " + customerId);
        }
        parameters.keySet().stream().filter(name -> !name.equals("cursor") && !name.equals("size")).findFirst()
                .ifPresent(name -> {
                    throw new org.autocrm.query.web.InvalidParameter(name, "is not a parameter of this list");
                });
        return tickets.search(caller, TicketSearch.ofCustomer(customerId,
                TicketSearchParameters.cursor(parameters, TicketSort.NEWEST_FIRST), TicketSearchParameters.size(parameters)));
    }
}
