package org.autocrm.query.ticketsearch;

import jakarta.annotation.Nullable;
import java.util.List;

/** One page of tickets, how many match in all, and the cursor of the next page (null on the last). */
public record TicketPage(List<TicketView> items, long total, @Nullable String next) {
}
