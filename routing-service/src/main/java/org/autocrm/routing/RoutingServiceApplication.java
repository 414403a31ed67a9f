package org.autocrm.routing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Will own routing rules, assignment and SLA timers. Features arrive one package each
 * ({@code rule/}, {@code assignment/}, {@code sla/}) beside this class.
 */
@SpringBootApplication
public class RoutingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(RoutingServiceApplication.class, args);
    }
}
