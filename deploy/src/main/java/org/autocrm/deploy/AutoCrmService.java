package org.autocrm.deploy;

/** The seven services of AutoCRM, by module name, with the port each uses in the local run. */
public enum AutoCrmService {
    GATEWAY("gateway", 8080),
    TICKET_SERVICE("ticket-service", 8081),
    QUERY_SERVICE("query-service", 8082),
    ROUTING_SERVICE("routing-service", 8083),
    KB_SERVICE("kb-service", 8084),
    AI_SERVICE("ai-service", 8085),
    NOTIFICATION_SERVICE("notification-service", 8086);

    private final String module;
    private final int localPort;

    AutoCrmService(String module, int localPort) {
        this.module = module;
        this.localPort = localPort;
    }

    public String module() {
        return module;
    }

    public int localPort() {
        return localPort;
    }
}
