package org.autocrm.routing.ticketcommands.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.autocrm.routing.ticketcommands.TicketCommand;
import org.autocrm.routing.ticketcommands.infrastructure.TicketCommandRequests.Call;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** Which ticket-service endpoint each command goes to, with which body (the answers: deploy's AutomationPrincipalIT). */
class TicketCommandRequestsTest {

    @Test
    void assignmentGoesToTheAssignEndpointWithAnAgentOrAGroup() {
        assertThat(only(new TicketCommand.AssignToGroup("billing")))
                .isEqualTo(new Call(HttpMethod.PUT, "/api/tickets/{id}/assign", Map.of("id", "t-1"),
                        Map.of("groupId", "billing"), "", false));
        assertThat(only(new TicketCommand.AssignToAgent("u-7")).body()).isEqualTo(Map.of("agentId", "u-7"));
    }

    @Test
    void priorityAndCategoryAreEditsOfTheTicket() {
        assertThat(only(new TicketCommand.SetPriority("HIGH")).path()).isEqualTo("/api/tickets/{id}");
        assertThat(only(new TicketCommand.SetPriority("HIGH")).body()).isEqualTo(Map.of("priority", "HIGH"));
        assertThat(only(new TicketCommand.SetCategory("billing")).body()).isEqualTo(Map.of("categoryId", "billing"));
    }

    @Test
    void tagsAreAddedAndRemovedByABulkChangeOfThisOneTicketNotReplaced() {
        Call call = only(new TicketCommand.ChangeTags(List.of("vip"), List.of("new")));
        assertThat(call.method()).isEqualTo(HttpMethod.POST);
        assertThat(call.path()).isEqualTo("/api/tickets/bulk");
        assertThat(call.bulk()).isTrue();
        assertThat(call.body()).isEqualTo(Map.of("ticketIds", List.of("t-1"), "addTags", List.of("vip"),
                "removeTags", List.of("new")));
        assertThat(TicketCommandRequests.of("t-1", new TicketCommand.ChangeTags(List.of(), List.of()))).isEmpty();
    }

    @Test
    void aStatusCategoryIsSentAsStatusAndAnythingElseAsTheTenantsStatusLabel() {
        assertThat(only(new TicketCommand.ChangeStatus("PENDING")).body()).isEqualTo(Map.of("status", "PENDING"));
        assertThat(only(new TicketCommand.ChangeStatus("waiting-on-vendor")).body())
                .isEqualTo(Map.of("statusLabel", "waiting-on-vendor"));
    }

    @Test
    void anEscalationThatRaisesThePriorityIsTwoRequestsWithTheirOwnKeys() {
        List<Call> calls = TicketCommandRequests.of("t-1", new TicketCommand.Escalate("tier-2", "URGENT", "SLA breached"));

        assertThat(calls).extracting(Call::path).containsExactly("/api/tickets/{id}/escalate", "/api/tickets/{id}");
        assertThat(calls.get(0).body()).isEqualTo(Map.of("groupId", "tier-2", "reason", "SLA breached"));
        assertThat(calls.get(1).body()).isEqualTo(Map.of("priority", "URGENT"));
        assertThat(calls).extracting(Call::keySuffix).containsExactly("", ":priority");
        assertThat(TicketCommandRequests.of("t-1", new TicketCommand.Escalate(null, "HIGH", null)))
                .extracting(Call::keySuffix).containsExactly("");
    }

    @Test
    void aMacroIsAppliedByItsOwnEndpoint() {
        Call call = only(new TicketCommand.ApplyMacro("c-9"));
        assertThat(call.path()).isEqualTo("/api/tickets/{id}/macros/{cannedId}");
        assertThat(call.variables()).isEqualTo(Map.of("id", "t-1", "cannedId", "c-9"));
        assertThat(call.body()).isNull();
    }

    private static Call only(TicketCommand command) {
        List<Call> calls = TicketCommandRequests.of("t-1", command);
        assertThat(calls).hasSize(1);
        return calls.get(0);
    }
}
