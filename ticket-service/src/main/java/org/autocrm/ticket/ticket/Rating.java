package org.autocrm.ticket.ticket;

import java.util.Map;
import org.autocrm.events.Actor;
import org.autocrm.events.TicketStatus;
import org.autocrm.ticket.refusal.Refused;

/**
 * Satisfaction ratings: only the ticket's customer rates it (no one else of the organisation, no API
 * key), once it is resolved or closed, with a score on the {@code five_point} scale (1 to 5) or the
 * {@code good_bad} scale (1 good, 0 bad).
 */
final class Rating {

    private Rating() {
    }

    /** Refuses a rating by {@code by} of ticket #{@code number} in {@code status} that breaks a rule. */
    static void check(Actor by, long number, TicketStatus status, String scale, int score) {
        if (!TicketPermissions.isCustomer(by)) {
            throw TicketPermissions.notPermitted(by, "rate a ticket; only its customer can");
        }
        if (status != TicketStatus.RESOLVED && status != TicketStatus.CLOSED) {
            throw new Refused(TicketRule.NOT_RESOLVED_YET,
                    "Ticket #" + number + " can be rated once it is resolved", Map.of("currentStatus", status.name()));
        }
        if (!fitsScale(scale, score)) {
            throw new Refused(TicketRule.INVALID_SCORE,
                    "score must be 1-5 on the five_point scale, or 1 (good) / 0 (bad) on the good_bad scale");
        }
    }

    static boolean fitsScale(String scale, int score) {
        return "five_point".equals(scale) ? score >= 1 && score <= 5
                : "good_bad".equals(scale) && (score == 0 || score == 1);
    }
}
