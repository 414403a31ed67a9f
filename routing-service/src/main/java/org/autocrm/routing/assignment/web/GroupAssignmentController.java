package org.autocrm.routing.assignment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.autocrm.access.Caller;
import org.autocrm.access.apidocs.ProblemResponse;
import org.autocrm.routing.assignment.GroupSettings;
import org.autocrm.routing.assignment.ManagingAssignmentSettings;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * How a group's tickets are assigned to its agents. Group ids are identity's; this service cannot check them, so any
 * id of the right shape is accepted (settings of a group that does not exist never meet a ticket).
 */
@Tag(name = "Assignment", description = "Automatic assignment inside groups: each group's strategy (manual, "
        + "round_robin, least_loaded), skill and language matching and per-agent cap; each agent's skills, languages, "
        + "capacity, schedule and status. Admins and team leads manage them; an agent keeps their own status.")
@RestController
class GroupAssignmentController {

    static final String IF_MATCH_DOC = "The version the change was made on (\"3\", W/\"3\" or 3); a stale one is "
            + "refused with 409. Without it (and without version in the body) the change applies to whatever is there";

    private final ManagingAssignmentSettings settings;

    GroupAssignmentController(ManagingAssignmentSettings settings) {
        this.settings = settings;
    }

    @Operation(summary = "Read a group's assignment settings (manual when never set)")
    @GetMapping("/api/routing/groups/{groupId}/assignment")
    @ProblemResponse(status = 400, description = "groupId is not an id of the accepted shape")
    ResponseEntity<GroupAssignmentView> get(@PathVariable String groupId, Caller caller) {
        AssignmentAccess.mayManage(caller, "read groups' assignment settings");
        return answer(settings.group(caller.tenantId(), Requests.id("groupId", groupId)));
    }

    @Operation(summary = "Set a group's assignment settings",
            description = "Replaces them as a whole. A switch to round_robin or least_loaded offers the group's "
                    + "waiting tickets at once.")
    @PutMapping("/api/routing/groups/{groupId}/assignment")
    @ProblemResponse(status = 409, description = "The settings were changed since the version named in If-Match or "
            + "version; read them again and repeat the change")
    @ProblemResponse(status = 422, description = "The settings are not valid: errors names every field at fault "
            + "(strategy, loadMeasure, maxOpenPerAgent); nothing is stored")
    ResponseEntity<GroupAssignmentView> put(@PathVariable String groupId,
            @Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
            String ifMatch, @RequestBody GroupAssignmentRequest request, Caller caller) {
        AssignmentAccess.mayManage(caller, "change groups' assignment settings");
        String id = Requests.id("groupId", groupId);
        return answer(settings.putGroup(caller.tenantId(), id, request.definition(),
                Requests.expectedVersion(ifMatch, request.version())));
    }

    private static ResponseEntity<GroupAssignmentView> answer(GroupSettings group) {
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (group.version() != null) {
            ok.eTag("\"" + group.version() + "\"");
        }
        return ok.body(GroupAssignmentView.of(group));
    }
}
