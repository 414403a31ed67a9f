package org.autocrm.routing.ticketcommands.infrastructure;

import java.net.http.HttpClient;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The HTTP adapter of the ticket-commands port: ticket-service at {@code autocrm.routing.ticket-service-url}, tokens
 * from the gateway at {@code autocrm.routing.automation.token-uri}, both with timeouts so a hung peer holds no
 * consumer thread for long. The builder is Boot's, so the calls carry the trace context and are measured.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TicketCommandsProperties.class)
class TicketCommandsConfiguration {

    @Bean
    AutomationTokens automationTokens(RestClient.Builder builder, TicketCommandsProperties properties, Clock clock) {
        return new AutomationTokens(builder.clone().requestFactory(requestFactory(properties)).build(),
                properties.automation(), clock);
    }

    @Bean
    HttpTicketCommands httpTicketCommands(RestClient.Builder builder, TicketCommandsProperties properties,
                                          AutomationTokens tokens) {
        RestClient ticketService = builder.clone().baseUrl(properties.ticketServiceUrl().toString())
                .requestFactory(requestFactory(properties)).build();
        return new HttpTicketCommands(ticketService, tokens);
    }

    private static JdkClientHttpRequestFactory requestFactory(TicketCommandsProperties properties) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(properties.readTimeout());
        return factory;
    }
}
