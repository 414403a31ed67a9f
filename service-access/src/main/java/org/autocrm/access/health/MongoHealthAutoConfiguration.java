package org.autocrm.access.health;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A service that keeps documents in MongoDB reports it as {@code mongo} by {@link MongoPingHealth}, servlet or
 * reactive, in place of Spring Boot's indicators (which back off from a bean of this name). What the service keeps
 * there is {@code autocrm.health.mongo.holds}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration",
        beforeName = {"org.springframework.boot.actuate.autoconfigure.data.mongo.MongoHealthContributorAutoConfiguration",
                "org.springframework.boot.actuate.autoconfigure.data.mongo.MongoReactiveHealthContributorAutoConfiguration"})
@ConditionalOnClass(name = {"org.springframework.data.mongodb.core.MongoTemplate",
        "org.springframework.boot.actuate.health.HealthIndicator"})
@ConditionalOnBean(type = "org.springframework.data.mongodb.core.MongoTemplate")
@ConditionalOnEnabledHealthIndicator("mongo")
public class MongoHealthAutoConfiguration {

    @Bean(name = "mongoHealthIndicator")
    @ConditionalOnMissingBean(name = "mongoHealthIndicator")
    MongoPingHealth mongoHealthIndicator(MongoTemplate mongo,
            @Value("${autocrm.health.mongo.holds:this service's documents}") String holds) {
        return new MongoPingHealth(mongo, holds);
    }
}
