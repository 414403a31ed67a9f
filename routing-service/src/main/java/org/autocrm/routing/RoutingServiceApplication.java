package org.autocrm.routing;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Owns routing rules, assignment and SLA timers. Features arrive one package each ({@code rules/},
 * {@code assignment/}, {@code sla/}) beside this class.
 */
@SpringBootApplication
public class RoutingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(RoutingServiceApplication.class, args);
    }

    /** The time stored changes are stamped with; a test may replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
