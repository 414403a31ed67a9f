package org.autocrm.routing.ticketcommands.infrastructure;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where routing-service sends its ticket commands and how it signs in for them. Defaults are the local run's
 * addresses; the client secret has none (the local run generates one, a deployment takes it from a Secret).
 *
 * @param ticketServiceUrl ticket-service's own address (commands go to it directly, not through the gateway)
 * @param automation       the client-credentials sign-in at the gateway
 * @param connectTimeout   to connect to ticket-service or the token endpoint
 * @param readTimeout      for their answer
 */
@ConfigurationProperties("autocrm.routing")
public record TicketCommandsProperties(URI ticketServiceUrl, Automation automation, Duration connectTimeout,
                                       Duration readTimeout) {

    public TicketCommandsProperties {
        ticketServiceUrl = ticketServiceUrl == null ? URI.create("http://localhost:8081") : ticketServiceUrl;
        automation = automation == null ? new Automation(null, null, null, null) : automation;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(15) : readTimeout;
    }

    /**
     * @param clientId      routing-service's client id at the gateway ({@code autocrm.identity.automation.client-id})
     * @param clientSecret  its secret; without one no command can be sent
     * @param tokenUri      the gateway's token endpoint
     * @param refreshBefore a cached token is replaced this long before it expires
     */
    public record Automation(String clientId, String clientSecret, URI tokenUri, Duration refreshBefore) {
        public Automation {
            clientId = clientId == null || clientId.isBlank() ? "routing-service" : clientId;
            clientSecret = clientSecret == null || clientSecret.isBlank() ? null : clientSecret;
            tokenUri = tokenUri == null ? URI.create("http://localhost:8080/oauth2/token") : tokenUri;
            refreshBefore = refreshBefore == null ? Duration.ofSeconds(30) : refreshBefore;
        }
    }
}
