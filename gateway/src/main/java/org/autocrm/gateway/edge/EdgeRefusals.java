package org.autocrm.gateway.edge;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;

/**
 * The refusals the edge answers itself. Each is an {@link ErrorResponseException}, so the gateway's
 * one problem writer ({@code problem/}) renders it with its headers and the request id.
 */
final class EdgeRefusals {

    private EdgeRefusals() {
    }

    static ErrorResponseException serviceUnavailable(String service, Duration retryAfter) {
        long seconds = wholeSeconds(retryAfter);
        ErrorResponseException refusal = refusal(HttpStatus.SERVICE_UNAVAILABLE,
                service + " is failing; the gateway sends it no requests for " + seconds
                        + " seconds so that it can recover. Retry after that.");
        refusal.getBody().setProperty("service", service);
        refusal.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return refusal;
    }

    static ErrorResponseException tooManyRequests(RateLimitDecision decision) {
        ErrorResponseException refusal = refusal(HttpStatus.TOO_MANY_REQUESTS,
                "Rate limit of " + decision.limit() + " requests per " + decision.window().toSeconds()
                        + " seconds exceeded; retry in " + wholeSeconds(decision.retryAfter()) + " seconds.");
        decision.writeTo(refusal.getHeaders());
        refusal.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(wholeSeconds(decision.retryAfter())));
        return refusal;
    }

    static ErrorResponseException tooManyAtOnce(int perCaller) {
        ErrorResponseException refusal = refusal(HttpStatus.TOO_MANY_REQUESTS,
                "At most " + perCaller + " of your requests may be in progress at once; wait for one to be "
                        + "answered, then retry.");
        refusal.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
        return refusal;
    }

    static ErrorResponseException payloadTooLarge(DataSize limit) {
        ErrorResponseException refusal = refusal(HttpStatus.PAYLOAD_TOO_LARGE,
                "The request body is larger than the " + describe(limit) + " allowed here.");
        refusal.getBody().setProperty("maxBytes", limit.toBytes());
        return refusal;
    }

    static ErrorResponseException unsupportedMediaType(String contentType) {
        ErrorResponseException refusal = refusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "This endpoint takes a JSON body (Content-Type: application/json), not " + contentType + ".");
        refusal.getHeaders().set(HttpHeaders.ACCEPT, "application/json");
        return refusal;
    }

    static ErrorResponseException originNotAllowed(String origin) {
        return refusal(HttpStatus.FORBIDDEN, "Cross-origin requests from " + origin + " are not allowed.");
    }

    private static ErrorResponseException refusal(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    /** Retry-After is whole seconds; rounding down would invite a retry that is refused again. */
    static long wholeSeconds(Duration duration) {
        long seconds = duration.toSeconds();
        return duration.minusSeconds(seconds).isZero() ? Math.max(seconds, 1) : seconds + 1;
    }

    private static String describe(DataSize size) {
        if (size.toBytes() % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + " MB";
        }
        if (size.toBytes() % DataSize.ofKilobytes(1).toBytes() == 0) {
            return size.toKilobytes() + " KB";
        }
        return size.toBytes() + " bytes";
    }
}
