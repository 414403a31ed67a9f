package org.autocrm.ticket.configuration.canned.web;

import java.util.List;
import org.autocrm.ticket.configuration.canned.CannedResponseView;

/** The tenant's canned responses, by title. */
public record CannedResponsesResponse(List<CannedResponseView> cannedResponses) {
}
