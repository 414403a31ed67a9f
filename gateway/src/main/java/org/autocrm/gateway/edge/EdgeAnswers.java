package org.autocrm.gateway.edge;

import java.util.List;

/**
 * What the edge answers itself, for the API document: the refusals any request can get from the gateway before (or
 * instead of) the operation it names, each an RFC 9457 problem ({@code problem/}). The merged document adds them to
 * every operation that does not document the status itself.
 */
public final class EdgeAnswers {

    /**
     * @param retryAfter the answer carries {@code Retry-After} (whole seconds)
     */
    public record Answer(int status, String description, boolean retryAfter) {
    }

    /** Any request, whether the gateway serves it itself or routes it to a service. */
    public static final List<Answer> EVERY_REQUEST = List.of(
            new Answer(400, "The request could not be read: its request line or headers are not valid HTTP", false),
            new Answer(403, "A cross-origin request from an origin the gateway does not allow "
                    + "(autocrm.gateway.cors.allowed-origins)", false),
            new Answer(413, "The body is larger than the gateway accepts (autocrm.gateway.request-size; the problem "
                    + "says maxBytes)", false),
            new Answer(414, "The request line (path and query) is longer than the gateway reads", false),
            new Answer(429, "Too many requests from this caller: over its rate limit, or too many of its requests in "
                    + "progress at once; retry after Retry-After", true),
            new Answer(431, "The request headers are larger than the gateway reads", false));

    /** A request the gateway routes to a service (the services' own {@code /api} operations). */
    public static final List<Answer> ROUTED = List.of(
            new Answer(401, "Not signed in: no access token or API key, or one that is forged, expired or revoked", false),
            new Answer(415, "The body is not JSON, which the services take (file uploads excepted)", false),
            new Answer(502, "The service broke off the connection before it answered", false),
            new Answer(503, "The service cannot be reached, or is failing and left alone to recover; retry after "
                    + "Retry-After", true),
            new Answer(504, "The service did not answer in time", false));

    private EdgeAnswers() {
    }
}
