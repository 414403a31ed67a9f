package org.autocrm.query.presence;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The presence topic is query-service's own: created at startup when missing. Its records matter for {@code ttl}
 * only, so it keeps them an hour (enough for a replica that starts to read the presences that still hold).
 */
@Configuration(proxyBeanMethods = false)
class PresenceTopicAtStartup {

    @Bean
    NewTopic presenceTopic(PresenceProperties properties) {
        return TopicBuilder.name(properties.topic()).partitions(properties.partitions())
                .replicas(properties.replicas()).config("retention.ms", "3600000").build();
    }
}
