package org.autocrm.ticket.configuration.canned.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.lang.Nullable;

/**
 * What applying a canned response (a macro) also does; every part optional. {@code setStatus} is one of
 * the fixed statuses (NEW, OPEN, IN_PROGRESS, PENDING, ON_HOLD, RESOLVED, CLOSED).
 */
public record CannedActionRequest(
        @Nullable @Schema(description = "The status to move the ticket to: NEW, OPEN, IN_PROGRESS, PENDING, ON_HOLD, "
                + "RESOLVED or CLOSED") String setStatus,
        @Nullable @Size(max = 10_000) @Schema(description = "How the problem was solved; required exactly when "
                + "setStatus is RESOLVED") String resolutionSummary,
        @Nullable @Size(max = 50) @Schema(description = "One of the tenant's priorities") String setPriority,
        @Nullable @Size(max = 20) List<String> addTags,
        @Nullable @Size(max = 20) List<String> removeTags,
        @Nullable @Size(max = 100) @Schema(description = "The agent to assign the ticket to, or \"me\" for whoever "
                + "applies the macro") String assignAgentId,
        @Nullable @Size(max = 100) String assignGroupId,
        @Nullable @Schema(description = "Post the body as an internal note instead of a public reply")
        Boolean internalNote) {
}
