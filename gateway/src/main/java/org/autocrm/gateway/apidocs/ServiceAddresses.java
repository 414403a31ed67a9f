package org.autocrm.gateway.apidocs;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the services listen: the same {@code autocrm.services.*} the route table uses. */
@ConfigurationProperties("autocrm")
record ServiceAddresses(Map<String, String> services) {

    ServiceAddresses {
        services = services == null ? Map.of() : new LinkedHashMap<>(services);
    }
}
