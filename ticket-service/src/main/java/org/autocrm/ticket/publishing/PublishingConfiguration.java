package org.autocrm.ticket.publishing;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.autocrm.events.EventStreams;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration
class PublishingConfiguration {

    @Bean
    NewTopic ticketTopic(PublishingProperties properties) {
        return topic(EventStreams.TICKETS, properties);
    }

    @Bean
    NewTopic customerTopic(PublishingProperties properties) {
        return topic(EventStreams.CUSTOMERS, properties);
    }

    /**
     * Kept for ever: a service that starts later (or rebuilds) learns a tenant's categories, custom fields and
     * statuses by reading this topic from its beginning, and configuration changes are few.
     */
    @Bean
    NewTopic ticketConfigurationTopic(PublishingProperties properties) {
        return TopicBuilder.name(EventStreams.TICKET_CONFIGURATION).partitions(properties.partitions())
                .replicas(properties.replicas()).config(TopicConfig.RETENTION_MS_CONFIG, "-1").build();
    }

    private static NewTopic topic(String name, PublishingProperties properties) {
        return TopicBuilder.name(name).partitions(properties.partitions()).replicas(properties.replicas()).build();
    }

    /**
     * By default Axon logs a failing event handler and moves on, which would skip the event.
     * Propagating the failure makes the processor keep its token and retry with back-off.
     */
    @Bean
    ConfigurerModule publisherRetriesInsteadOfSkipping() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(TicketEventPublisher.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance());
    }
}
