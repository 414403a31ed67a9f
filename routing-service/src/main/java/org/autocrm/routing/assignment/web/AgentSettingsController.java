package org.autocrm.routing.assignment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.autocrm.access.Caller;
import org.autocrm.access.apidocs.ProblemResponse;
import org.autocrm.routing.assignment.AgentProfile;
import org.autocrm.routing.assignment.AgentSettings;
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
 * Agents' assignment profiles. Agent ids are identity's user ids; this service cannot check them, so any id of the
 * right shape is accepted. {@code me} is the caller (so an agent whose id is literally "me" is reached only as me).
 */
@Tag(name = "Assignment")
@RestController
class AgentSettingsController {

    private final ManagingAssignmentSettings settings;

    AgentSettingsController(ManagingAssignmentSettings settings) {
        this.settings = settings;
    }

    @Operation(summary = "List the tenant's agents with assignment settings, by id")
    @GetMapping("/api/routing/agents")
    List<AgentSettingsView> list(Caller caller) {
        AssignmentAccess.mayManage(caller, "list agents' assignment settings");
        return settings.agents(caller.tenantId()).stream().map(AgentSettingsView::of).toList();
    }

    @Operation(summary = "Read the caller's own assignment settings (offline and in no group when never set)")
    @GetMapping("/api/routing/agents/me")
    ResponseEntity<AgentSettingsView> getMine(Caller caller) {
        AssignmentAccess.hasOwnSettings(caller);
        return answer(settings.agent(caller.tenantId(), caller.userId()));
    }

    @Operation(summary = "Set the caller's own assignment settings",
            description = "An agent may change their status, time zone, schedule and languages; skills, capacity "
                    + "and groups are kept by team leads and admins (send them unchanged). Becoming available offers "
                    + "the waiting tickets of the agent's groups at once.")
    @PutMapping("/api/routing/agents/me")
    @ProblemResponse(status = 409, description = "The settings were changed since the version named in If-Match or "
            + "version")
    @ProblemResponse(status = 422, description = "The settings are not valid: errors names every field at fault "
            + "(capacity, timeZone, schedule.monday[1], status, ...); nothing is stored")
    ResponseEntity<AgentSettingsView> putMine(
            @Parameter(description = GroupAssignmentController.IF_MATCH_DOC)
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody AgentSettingsRequest request, Caller caller) {
        AssignmentAccess.hasOwnSettings(caller);
        return put(caller.userId(), ifMatch, request, caller);
    }

    @Operation(summary = "Read an agent's assignment settings (offline and in no group when never set)")
    @GetMapping("/api/routing/agents/{agentId}")
    @ProblemResponse(status = 400, description = "agentId is not an id of the accepted shape")
    ResponseEntity<AgentSettingsView> get(@PathVariable String agentId, Caller caller) {
        String id = Requests.id("agentId", agentId);
        AssignmentAccess.mayReadAgent(caller, id);
        return answer(settings.agent(caller.tenantId(), id));
    }

    @Operation(summary = "Set an agent's assignment settings",
            description = "Replaces them as a whole. Admins and team leads set anything; an agent their own status, "
                    + "time zone, schedule and languages.")
    @PutMapping("/api/routing/agents/{agentId}")
    @ProblemResponse(status = 409, description = "The settings were changed since the version named in If-Match or "
            + "version")
    @ProblemResponse(status = 422, description = "The settings are not valid: errors names every field at fault; "
            + "nothing is stored")
    ResponseEntity<AgentSettingsView> put(@PathVariable String agentId,
            @Parameter(description = GroupAssignmentController.IF_MATCH_DOC)
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody AgentSettingsRequest request, Caller caller) {
        String id = Requests.id("agentId", agentId);
        AssignmentAccess.mayReadAgent(caller, id); // before the body is looked at: a stranger learns nothing from it
        AgentProfile profile = request.definition().validate();
        AgentSettings current = settings.agent(caller.tenantId(), id);
        AssignmentAccess.mayChangeAgent(caller, id, current.profile(), profile);
        return answer(settings.putAgent(caller.tenantId(), id, profile,
                Requests.expectedVersion(ifMatch, request.version())));
    }

    private static ResponseEntity<AgentSettingsView> answer(AgentSettings agent) {
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (agent.version() != null) {
            ok.eTag("\"" + agent.version() + "\"");
        }
        return ok.body(AgentSettingsView.of(agent));
    }
}
