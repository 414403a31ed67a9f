package org.autocrm.gateway.edge;

import org.springframework.core.Ordered;

/** Where the edge's web filters sit relative to each other and to identity's authentication filter. */
final class EdgeOrder {

    static final int REQUEST_ID = Ordered.HIGHEST_PRECEDENCE;
    static final int SECURITY_HEADERS = Ordered.HIGHEST_PRECEDENCE + 1;
    static final int ACCESS_LOG = Ordered.HIGHEST_PRECEDENCE + 2;
    /** Before authentication: a preflight carries no credentials and must not be refused for it. */
    static final int CORS = Ordered.HIGHEST_PRECEDENCE + 10;
    /** Before authentication: a huge body is refused before anyone reads it. */
    static final int REQUEST_SIZE = Ordered.HIGHEST_PRECEDENCE + 20;
    /** identity's authentication filter sets the rate-limit key at HIGHEST_PRECEDENCE + 100. */
    static final int RATE_LIMIT = Ordered.HIGHEST_PRECEDENCE + 200;
    /** After the rate limit: a request refused there never takes a place. */
    static final int BULKHEAD = Ordered.HIGHEST_PRECEDENCE + 210;

    private EdgeOrder() {
    }
}
