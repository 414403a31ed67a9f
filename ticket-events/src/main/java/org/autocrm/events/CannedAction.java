package org.autocrm.events;

import java.util.List;

/**
 * What applying a canned response also does; every part is optional.
 *
 * @param setStatus     the status to move the ticket to
 * @param addTags       tags to add
 * @param assignGroupId the group to assign the ticket to
 */
public record CannedAction(TicketStatus setStatus, List<String> addTags, String assignGroupId) {
}
