package org.autocrm.ticket.configuration.canned.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import java.util.UUID;
import org.autocrm.access.Caller;
import org.autocrm.access.Role;
import org.autocrm.events.CannedAction;
import org.autocrm.ticket.configuration.ConfigurationRule;
import org.autocrm.ticket.configuration.canned.CannedResponseView;
import org.autocrm.ticket.configuration.canned.FindCannedResponse;
import org.autocrm.ticket.refusal.Refusal;
import org.autocrm.ticket.refusal.Refused;
import org.autocrm.ticket.ticket.ApplyMacro;
import org.autocrm.ticket.ticket.MacroOutcome;
import org.autocrm.ticket.ticket.TicketRule;
import org.autocrm.ticket.ticket.web.Acting;
import org.autocrm.ticket.ticket.web.Versions;
import org.autocrm.ticket.web.Answers;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Applying a macro (a canned response with actions) to a ticket: its body, placeholders filled in, as the caller's
 * reply or note, and its actions as the caller's own changes, in one step.
 */
@Tag(name = "Canned responses")
@RestController
class MacroController {

    private final CommandGateway commands;
    /** How a macro an automation applies signs {{agent.name}}: the team, as no person wrote it. */
    static final String AUTOMATION_SIGNATURE = "Support team";

    private final QueryGateway queries;

    MacroController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @Operation(summary = "Apply a macro to a ticket",
            description = "Posts the canned response's body with its placeholders filled in ({{ticket.number}}, "
                    + "{{ticket.subject}}, {{customer.name}}, {{agent.name}} = the caller's display name, else their "
                    + "user id; \"Support team\" when an automation applies it, ...) as a public reply, or an internal "
                    + "note when the macro says so, and makes each of "
                    + "its changes (priority, tags, assignment, status last) as the caller, in one step: all or none. "
                    + "Send the ticket's ETag as If-Match (409 when someone changed it since). With preview=true "
                    + "nothing happens: the answer says what would (the changes list only what the ticket does not "
                    + "have yet; permissions are checked when it is applied). Without an Idempotency-Key a retry posts again.")
    @PostMapping("/api/tickets/{id}/macros/{cannedId}")
    @Answers(refuses = {Refusal.Kind.CONFLICT, Refusal.Kind.INVALID_VALUE}, etag = true)
    ResponseEntity<MacroOutcome> apply(@PathVariable String id, @PathVariable String cannedId,
                                       @Parameter(description = "Only say what applying it would do")
                                       @RequestParam(defaultValue = "false") boolean preview,
                                       @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                       Caller caller) {
        if (!caller.actsForOrganisation()) {
            throw new Refused(TicketRule.NOT_PERMITTED, "Only agents, team leads, admins and API keys apply macros");
        }
        Long expected = Versions.fromIfMatch(ifMatch);
        CannedResponseView macro = find(cannedId, caller);
        CannedAction actions = macro.actions() == null ? new CannedAction(null, null, null) : macro.actions();
        String agent = CannedAction.ME.equals(actions.assignAgentId()) ? caller.userId() : actions.assignAgentId();
        String agentName = agentName(caller);
        MacroOutcome outcome = commands.sendAndWait(new ApplyMacro(id, Acting.context(caller, expected),
                UUID.randomUUID().toString(), macro.body(), agentName, actions.postsInternalNote(),
                actions.setStatus(), actions.resolutionSummary(), actions.setPriority(), actions.addTags(),
                actions.removeTags(), agent, actions.assignGroupId(), preview));
        return ResponseEntity.ok().eTag(Versions.etag(outcome.version())).body(outcome);
    }

    /**
     * Who {{agent.name}} names: the caller's display name, else their user id; for an automation, which is no
     * person, the team the customer is answered by.
     */
    static String agentName(Caller caller) {
        if (caller.is(Role.AUTOMATION)) {
            return AUTOMATION_SIGNATURE;
        }
        return caller.name() == null || caller.name().isBlank() ? caller.userId() : caller.name();
    }

    private CannedResponseView find(String id, Caller caller) {
        Optional<CannedResponseView> response = queries.query(new FindCannedResponse(caller.tenantId(), id),
                ResponseTypes.optionalInstanceOf(CannedResponseView.class)).join();
        return response.orElseThrow(() -> new Refused(ConfigurationRule.CANNED_RESPONSE_NOT_FOUND,
                "There is no canned response " + id));
    }
}
