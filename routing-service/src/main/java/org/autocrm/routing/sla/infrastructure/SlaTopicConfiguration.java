package org.autocrm.routing.sla.infrastructure;

import org.apache.kafka.clients.admin.NewTopic;
import org.autocrm.events.EventStreams;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * routing-service owns {@code autocrm.sla.v1}: it creates it at start (as ticket-service creates the ticket topic)
 * rather than leaving it to the broker's defaults, with as many partitions as the ticket topic so a ticket's SLA
 * events spread like its ticket events.
 */
@Configuration
class SlaTopicConfiguration {

    @Bean
    NewTopic slaTopic(@Value("${autocrm.sla.topic.partitions:6}") int partitions,
                      @Value("${autocrm.sla.topic.replicas:1}") short replicas) {
        return TopicBuilder.name(EventStreams.SLA).partitions(partitions).replicas(replicas).build();
    }
}
