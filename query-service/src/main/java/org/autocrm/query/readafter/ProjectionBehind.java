package org.autocrm.query.readafter;

import java.util.Set;

/** The projection did not reach the versions a read asked for in time; answered 503 with Retry-After. */
class ProjectionBehind extends RuntimeException {

    private final long retryAfterSeconds;

    ProjectionBehind(String projection, Set<String> tickets, long retryAfterSeconds) {
        super("The " + projection + " view has not caught up with the requested versions of " + tickets
                + " yet; retry shortly");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
