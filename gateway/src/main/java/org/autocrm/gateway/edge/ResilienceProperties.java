package org.autocrm.gateway.edge;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpMethod;

/**
 * Retries of calls to the services ({@code autocrm.gateway.retry.*}). The circuit breakers are
 * configured with resilience4j's own properties, see {@link ServiceBreakers}.
 *
 * @param retries      extra attempts after the first
 * @param methods      only idempotent methods; POST never (it could create a ticket twice)
 * @param firstBackoff wait before the first retry, doubled for each further one up to maxBackoff
 */
@ConfigurationProperties("autocrm.gateway.retry")
record ResilienceProperties(Integer retries, List<HttpMethod> methods, Duration firstBackoff, Duration maxBackoff) {

    ResilienceProperties {
        retries = retries == null ? 2 : retries;
        methods = methods == null ? List.of(HttpMethod.GET, HttpMethod.HEAD) : List.copyOf(methods);
        firstBackoff = firstBackoff == null ? Duration.ofMillis(50) : firstBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofMillis(500) : maxBackoff;
        if (methods.contains(HttpMethod.POST) || methods.contains(HttpMethod.PATCH)) {
            throw new IllegalArgumentException("autocrm.gateway.retry.methods: POST and PATCH are not idempotent");
        }
    }
}
