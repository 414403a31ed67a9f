package org.autocrm.query.ticketsearch;

import java.util.List;

/** One page of tickets and how many match in all. */
public record TicketPage(List<TicketView> items, long total, int page, int size) {
}
