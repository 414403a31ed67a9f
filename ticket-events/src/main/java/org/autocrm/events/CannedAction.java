package org.autocrm.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;

/**
 * What applying a canned response (a macro) also does; every part is optional (null: do nothing of
 * that kind). The parts after {@code addTags}/{@code assignGroupId} were added later: events written
 * before them read as null, so old events mean exactly what they meant.
 *
 * @param setStatus         the status to move the ticket to
 * @param resolutionSummary how the problem was solved, required when {@code setStatus} is RESOLVED
 * @param setPriority       the priority to give the ticket (one of the tenant's priorities)
 * @param addTags           tags to add
 * @param removeTags        tags to remove
 * @param assignAgentId     the agent to assign the ticket to; {@code me} for whoever applies the macro
 * @param assignGroupId     the group to assign the ticket to
 * @param internalNote      true when the body is posted as an internal note instead of a public reply
 */
public record CannedAction(TicketStatus setStatus, String resolutionSummary, String setPriority,
                           List<String> addTags, List<String> removeTags, String assignAgentId,
                           String assignGroupId, Boolean internalNote) {

    /** The agent id that stands for whoever applies the macro. */
    public static final String ME = "me";

    @JsonCreator
    public CannedAction {
    }

    /** Whether applying it posts an internal note rather than a public reply. */
    public boolean postsInternalNote() {
        return Boolean.TRUE.equals(internalNote);
    }

    /** The actions canned responses had first: a status, tags to add and a group. */
    public CannedAction(TicketStatus setStatus, List<String> addTags, String assignGroupId) {
        this(setStatus, null, null, addTags, null, null, assignGroupId, null);
    }
}
