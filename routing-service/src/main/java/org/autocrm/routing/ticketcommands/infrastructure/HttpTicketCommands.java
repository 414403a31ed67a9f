package org.autocrm.routing.ticketcommands.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.autocrm.routing.ticketcommands.CommandOutcome;
import org.autocrm.routing.ticketcommands.TicketCommand;
import org.autocrm.routing.ticketcommands.TicketCommands;
import org.autocrm.routing.ticketcommands.TicketServiceUnavailable;
import org.autocrm.routing.ticketcommands.infrastructure.AutomationTokens.AutomationTokenRefused;
import org.autocrm.routing.ticketcommands.infrastructure.TicketCommandRequests.Call;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * {@link TicketCommands} over ticket-service's HTTP API, as the automation principal: {@code Authorization: Bearer}
 * with the tenant's token, {@code Idempotency-Key} and {@code AutoCRM-Reason} on every request. A 2xx is
 * {@code APPLIED} ({@code REPLAYED} with {@code Idempotent-Replayed: true}), 409 {@code CONFLICT}, another 4xx
 * {@code REFUSED} with the problem's detail. A 401 is answered once with a fresh token; refused again, like a 429, a
 * 5xx or no answer at all, it is {@link TicketServiceUnavailable}: nothing wrong with the command, try it later.
 */
public class HttpTicketCommands implements TicketCommands {

    static final String REASON_HEADER = "AutoCRM-Reason";
    static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final RestClient ticketService;
    private final AutomationTokens tokens;

    HttpTicketCommands(RestClient ticketService, AutomationTokens tokens) {
        this.ticketService = ticketService;
        this.tokens = tokens;
    }

    @Override
    public CommandOutcome send(String tenantId, String ticketId, TicketCommand command, String reason,
                               String idempotencyKey) {
        List<Call> calls = TicketCommandRequests.of(ticketId, command);
        if (calls.isEmpty()) {
            return new CommandOutcome(CommandOutcome.Kind.APPLIED, 200, null); // nothing to change
        }
        CommandOutcome outcome = null;
        for (Call call : calls) {
            outcome = send(tenantId, call, reason, idempotencyKey + call.keySuffix());
            if (!outcome.done()) {
                return outcome;
            }
        }
        return outcome;
    }

    private CommandOutcome send(String tenant, Call call, String reason, String idempotencyKey) {
        String token;
        try {
            token = tokens.tokenFor(tenant);
        } catch (AutomationTokenRefused refused) {
            return new CommandOutcome(CommandOutcome.Kind.REFUSED, 400, refused.getMessage());
        }
        Answer answer = exchange(call, token, reason, idempotencyKey);
        if (answer.status() == 401) {
            // expired early, or signed with a key ticket-service has not read yet: once more with a new token
            answer = exchange(call, tokens.replace(tenant, token), reason, idempotencyKey);
            if (answer.status() == 401) {
                throw new TicketServiceUnavailable("ticket-service refuses routing-service's fresh token (401): "
                        + answer.detail(), null);
            }
        }
        return outcome(call, answer);
    }

    private record Answer(int status, boolean replayed, JsonNode body) {
        String detail() {
            return body.path("detail").asText(null);
        }
    }

    private Answer exchange(Call call, String token, String reason, String idempotencyKey) {
        try {
            RestClient.RequestBodySpec request = ticketService.method(call.method())
                    .uri(call.path(), call.variables())
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .header(IDEMPOTENCY_KEY_HEADER, idempotencyKey)
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
            if (reason != null) {
                request.header(REASON_HEADER, reason);
            }
            if (call.body() != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(call.body());
            }
            return request.exchange((sent, response) -> new Answer(response.getStatusCode().value(),
                    "true".equalsIgnoreCase(response.getHeaders().getFirst(REPLAYED_HEADER)),
                    TicketServiceAnswers.json(response.getBody())), true);
        } catch (RestClientException unreachable) {
            throw new TicketServiceUnavailable("ticket-service cannot be reached: " + unreachable.getMessage(), unreachable);
        }
    }

    private static CommandOutcome outcome(Call call, Answer answer) {
        int status = answer.status();
        if (status == 429 || status >= 500) {
            throw new TicketServiceUnavailable("ticket-service answered " + status
                    + (answer.detail() == null ? "" : ": " + answer.detail()), null);
        }
        if (status >= 400) {
            return refusal(status, answer.detail());
        }
        if (call.bulk()) {
            // the bulk endpoint answers 200 with the ticket's own outcome inside
            JsonNode ticket = answer.body().path("tickets").path(0);
            if ("refused".equals(ticket.path("outcome").asText())) {
                JsonNode problem = ticket.path("problem");
                return refusal(problem.path("status").asInt(422), problem.path("detail").asText(null));
            }
        }
        return new CommandOutcome(answer.replayed() ? CommandOutcome.Kind.REPLAYED : CommandOutcome.Kind.APPLIED,
                status, null);
    }

    private static CommandOutcome refusal(int status, String detail) {
        if (status >= 500) {
            throw new TicketServiceUnavailable("ticket-service failed the change (" + status + "): " + detail, null);
        }
        return new CommandOutcome(status == 409 ? CommandOutcome.Kind.CONFLICT : CommandOutcome.Kind.REFUSED, status,
                detail);
    }
}
