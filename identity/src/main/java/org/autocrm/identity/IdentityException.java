package org.autocrm.identity;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A request the identity endpoints refuse: the status, a detail a person can act on, and the headers
 * that go with it (WWW-Authenticate, Retry-After). Written as problem+json by {@link IdentityProblems}.
 */
public class IdentityException extends RuntimeException {

    private final HttpStatus status;
    private final HttpHeaders headers;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private URI type;

    public IdentityException(HttpStatus status, String detail) {
        this(status, detail, new HttpHeaders());
    }

    public IdentityException(HttpStatus status, String detail, HttpHeaders headers) {
        super(detail, null, false, false);
        this.status = status;
        this.headers = headers;
    }

    public static IdentityException unauthorized(String detail) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"autocrm\"");
        return new IdentityException(HttpStatus.UNAUTHORIZED, detail, headers);
    }

    public static IdentityException invalidToken(String detail) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"autocrm\", error=\"invalid_token\"");
        return new IdentityException(HttpStatus.UNAUTHORIZED, detail, headers);
    }

    public static IdentityException forbidden(String detail) {
        return new IdentityException(HttpStatus.FORBIDDEN, detail);
    }

    public static IdentityException notFound(String detail) {
        return new IdentityException(HttpStatus.NOT_FOUND, detail);
    }

    public static IdentityException badRequest(String detail) {
        return new IdentityException(HttpStatus.BAD_REQUEST, detail);
    }

    public static IdentityException conflict(String detail) {
        return new IdentityException(HttpStatus.CONFLICT, detail);
    }

    /** MongoDB, where accounts, sessions and keys are, does not answer: no request can be decided now. */
    public static IdentityException storeUnavailable() {
        return new IdentityException(HttpStatus.SERVICE_UNAVAILABLE,
                "The identity store cannot be reached right now; retry in a few seconds.").retryAfter(Duration.ofSeconds(5));
    }

    public IdentityException retryAfter(Duration wait) {
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds())));
        return this;
    }

    /** A problem type a client can act on without reading the detail, e.g. {@code .../totp-required}. */
    public IdentityException type(URI problemType) {
        this.type = problemType;
        return this;
    }

    /** A further member of the problem document, e.g. the enrolment token. */
    public IdentityException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public URI type() {
        return type;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public HttpStatus status() {
        return status;
    }

    public HttpHeaders headers() {
        return headers;
    }
}
