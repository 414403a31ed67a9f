package org.autocrm.ticket.configuration.status.web;

import jakarta.validation.constraints.Size;

/**
 * What an admin sends to define a status label (both parts required) or change one (absent parts
 * stay). {@code status} is one of the fixed statuses: NEW, OPEN, IN_PROGRESS, PENDING, ON_HOLD,
 * RESOLVED, CLOSED.
 */
public record StatusLabelRequest(@Size(min = 1, max = 60) String label, String status) {
}
