package org.autocrm.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The only door into AutoCRM. Routes are declared in {@code application.yml}; what the gateway
 * answers itself when routing fails lives in {@code problem/}.
 */
@SpringBootApplication
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
