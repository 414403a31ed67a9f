package org.autocrm.ticket.configuration.canned.web;

import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What applying a canned response also does; every part optional. {@code setStatus} is one of the
 * fixed statuses (NEW, OPEN, IN_PROGRESS, PENDING, ON_HOLD, RESOLVED, CLOSED).
 */
public record CannedActionRequest(String setStatus, @Size(max = 20) List<String> addTags,
                                  @Size(max = 100) String assignGroupId) {
}
