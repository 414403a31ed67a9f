package org.autocrm.ticket.configuration.status.web;

import java.util.List;
import org.autocrm.ticket.configuration.status.StatusLabelView;

/** The tenant's status labels, in the order of the fixed statuses they map to. */
public record StatusLabelsResponse(List<StatusLabelView> statuses) {
}
