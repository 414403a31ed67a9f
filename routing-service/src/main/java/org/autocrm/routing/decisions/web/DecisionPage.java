package org.autocrm.routing.decisions.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.springframework.lang.Nullable;

/** One page of a ticket's rule runs, newest first. */
@Schema(name = "RoutingDecisionPage")
record DecisionPage(
        List<DecisionView> decisions,
        @Nullable @Schema(description = "Pass as before for the next page; null on the last page") Long nextBefore) {
}
