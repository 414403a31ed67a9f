package org.autocrm.query.ticketsearch.web;

import java.util.Arrays;
import java.util.List;
import org.autocrm.query.ticketsearch.TicketPage;
import org.autocrm.query.ticketsearch.TicketView;
import org.autocrm.query.web.CsvTable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A page of tickets as JSON or as CSV. The CSV carries the same columns for every ticket list; the
 * total and the cursor of the next page travel in the {@value #TOTAL} and {@value #NEXT} headers.
 */
public final class TicketListResponses {

    public static final String TOTAL = "X-Total-Count";
    public static final String NEXT = "X-Next-Cursor";
    private static final List<String> HEADER = List.of("number", "ticket_id", "subject", "status", "status_label",
            "priority", "customer_id", "company", "tier", "agent_id", "group_id", "category_id", "channel", "tags",
            "created_at", "updated_at", "first_response_at", "resolved_at", "closed_at", "public_messages",
            "internal_messages", "satisfaction_score");

    private TicketListResponses() {
    }

    public static ResponseEntity<?> page(TicketPage page, boolean csv, String fileName) {
        if (!csv) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(page);
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .contentType(CsvTable.TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName + ".csv").build().toString())
                .header(TOTAL, Long.toString(page.total()));
        if (page.next() != null) {
            response.header(NEXT, page.next());
        }
        return response.body(CsvTable.write(HEADER, page.items().stream().map(TicketListResponses::row).toList()));
    }

    private static List<?> row(TicketView t) {
        return Arrays.asList(t.number(), t.ticketId(), t.subject(), t.status(), t.statusLabel(), t.priority(),
                t.customerId(), t.company(), t.tier(), t.agentId(), t.groupId(), t.categoryId(), t.channel(),
                String.join(" ", t.tags()), t.createdAt(), t.updatedAt(), t.firstResponseAt(), t.resolvedAt(),
                t.closedAt(), t.publicMessages(), t.internalMessages(), t.satisfactionScore());
    }
}
