package org.autocrm.query.ticketsearch.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import org.autocrm.query.tenancy.CallerTenant;
import org.autocrm.query.ticketsearch.TicketPage;
import org.autocrm.query.ticketsearch.TicketQueries;
import org.autocrm.query.ticketsearch.TicketView;
import org.autocrm.query.web.NotFound;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/tickets")
class TicketQueryController {

    private final TicketQueries tickets;

    TicketQueryController(TicketQueries tickets) {
        this.tickets = tickets;
    }

    @GetMapping("/{id}")
    TicketView ticket(@PathVariable String id, CallerTenant tenant) throws IOException {
        return tickets.find(tenant.id(), id).orElseThrow(() -> new NotFound("There is no ticket " + id));
    }

    @GetMapping
    TicketPage tickets(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                       @RequestParam(defaultValue = "25") @Min(1) @Max(100) int size,
                       CallerTenant tenant) throws IOException {
        return tickets.newestFirst(tenant.id(), page, size);
    }
}
