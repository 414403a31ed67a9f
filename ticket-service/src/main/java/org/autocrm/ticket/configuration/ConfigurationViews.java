package org.autocrm.ticket.configuration;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read tables of the ticket configuration are updated by subscribing event handlers in one
 * processing group, inside the command's transaction (see application.yml). A failing handler
 * must fail the command too, never leave a table behind its events, so failures propagate
 * instead of being logged and skipped (Axon's default).
 */
@Configuration
public class ConfigurationViews {

    /** The processing group of every configuration projection; its mode is set in application.yml. */
    public static final String PROCESSING_GROUP = "ticket-configuration-views";

    @Bean
    ConfigurerModule configurationViewsFailTheCommand() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }
}
