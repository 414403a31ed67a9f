package org.autocrm.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The only door into AutoCRM. Routes are declared in {@code application.yml}; what the gateway
 * answers itself when routing fails lives in {@code problem/}. Identity (module {@code identity},
 * package {@code org.autocrm.identity}) runs in this process: sign-in, tokens, API keys, users and
 * the audit log, and the authentication filter in front of every route.
 */
@SpringBootApplication(scanBasePackages = {"org.autocrm.gateway", "org.autocrm.identity"})
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
