package org.autocrm.routing.ticketcommands.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.autocrm.routing.ticketcommands.TicketServiceUnavailable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * routing-service's access tokens, one per tenant, from the gateway's client-credentials grant
 * ({@code POST /oauth2/token}). A token is reused until {@code refreshBefore} its expiry, and replaced at once when
 * ticket-service refused it ({@link #replace}). Concurrent callers for one tenant wait for one request, not one each.
 */
public class AutomationTokens {

    private record Token(String value, Instant expiresAt) {
    }

    private final RestClient http;
    private final TicketCommandsProperties.Automation settings;
    private final Clock clock;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    AutomationTokens(RestClient http, TicketCommandsProperties.Automation settings, Clock clock) {
        this.http = http;
        this.settings = settings;
        this.clock = clock;
    }

    /** A token for the tenant that is good for at least {@code refreshBefore} more. */
    public String tokenFor(String tenant) {
        Token cached = tokens.get(tenant);
        if (usable(cached)) {
            return cached.value();
        }
        synchronized (locks.computeIfAbsent(tenant, key -> new Object())) {
            Token current = tokens.get(tenant);
            if (usable(current)) {
                return current.value();
            }
            Token fresh = fetch(tenant);
            tokens.put(tenant, fresh);
            return fresh.value();
        }
    }

    /** A new token for the tenant, the {@code refused} one being no good (ticket-service answered 401 to it). */
    public String replace(String tenant, String refused) {
        synchronized (locks.computeIfAbsent(tenant, key -> new Object())) {
            Token current = tokens.get(tenant);
            if (current != null && !current.value().equals(refused) && usable(current)) {
                return current.value(); // another caller replaced it already
            }
            Token fresh = fetch(tenant);
            tokens.put(tenant, fresh);
            return fresh.value();
        }
    }

    private boolean usable(Token token) {
        return token != null && clock.instant().isBefore(token.expiresAt().minus(settings.refreshBefore()));
    }

    private Token fetch(String tenant) {
        if (settings.clientSecret() == null) {
            throw new TicketServiceUnavailable("routing-service has no client secret "
                    + "(autocrm.routing.automation.client-secret), so it cannot sign in to change tickets", null);
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("tenant", tenant);
        Instant asked = clock.instant();
        try {
            return http.post().uri(settings.tokenUri())
                    .header(HttpHeaders.AUTHORIZATION, basic(settings.clientId(), settings.clientSecret()))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(form)
                    .exchange((request, response) -> {
                        int status = response.getStatusCode().value();
                        JsonNode body = TicketServiceAnswers.json(response.getBody());
                        if (status == 200 && body.path("access_token").isTextual()) {
                            long seconds = body.path("expires_in").asLong(300);
                            return new Token(body.path("access_token").asText(), asked.plusSeconds(seconds));
                        }
                        String error = body.path("error").asText("");
                        String description = body.path("error_description").asText(body.path("detail").asText(""));
                        if ("invalid_grant".equals(error)) {
                            throw new AutomationTokenRefused(tenant, description);
                        }
                        // invalid_client (a wrong or missing secret), a throttle, an outage: nothing to do with the
                        // ticket, so the command waits and is tried again
                        throw new TicketServiceUnavailable("the gateway's token endpoint answered " + status
                                + (error.isEmpty() ? "" : " " + error) + ": " + description, null);
                    }, true);
        } catch (RestClientException unreachable) {
            throw new TicketServiceUnavailable("the gateway's token endpoint cannot be reached: "
                    + unreachable.getMessage(), unreachable);
        }
    }

    /** RFC 6749 §2.3.1: id and secret are form-url-encoded before they are joined and base64-encoded. */
    static String basic(String id, String secret) {
        String joined = URLEncoder.encode(id, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /** The gateway issues no token for this tenant (it does not know it): no command for it can be made. */
    static class AutomationTokenRefused extends RuntimeException {
        AutomationTokenRefused(String tenant, String description) {
            super("The gateway issues no automation token for tenant " + tenant + ": " + description, null, false, false);
        }
    }

}
