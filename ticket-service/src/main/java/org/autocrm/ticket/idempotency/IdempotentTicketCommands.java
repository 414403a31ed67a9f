package org.autocrm.ticket.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.autocrm.access.Caller;
import org.autocrm.access.web.CallerResolver;
import org.autocrm.ticket.refusal.Refused;
import org.autocrm.ticket.ticket.web.IdempotencyKeys;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes every ticket command (POST, PUT, PATCH, DELETE under {@code /api/tickets/}) safe to retry with an
 * {@code Idempotency-Key}: the first answer is stored per tenant, caller and key, with a fingerprint of method, path,
 * query and body. The same request again gets the stored answer with {@code Idempotent-Replayed: true} and changes
 * nothing; another request with the key is refused (422 {@code IDEMPOTENCY_KEY_REUSED}); while the first is still
 * running the second is told to retry (409 {@code IDEMPOTENT_REQUEST_IN_PROGRESS}, {@code Retry-After: 1}). A 5xx
 * answer is not stored, so a retry runs again. Opening a ticket ({@code POST /api/tickets}) keeps its own
 * idempotency, in the command ({@code OpeningTicket}).
 *
 * <p>A servlet filter, not an interceptor, as it must answer instead of the controller and capture the answer the
 * controller gives. A request whose caller is not proven passes untouched: the service answers it 401 as ever.
 */
@Component
class IdempotentTicketCommands extends OncePerRequestFilter {

    private static final Set<String> COMMANDS = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String TICKETS = "/api/tickets";

    private final StoredAnswers answers;
    private final CallerResolver callers;
    private final HandlerExceptionResolver problems;

    IdempotentTicketCommands(StoredAnswers answers, CallerResolver callers,
                             @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        this.answers = answers;
        this.callers = callers;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // POST /api/tickets itself (opening a ticket) is not under /api/tickets/: it keeps its own idempotency
        return request.getHeader(IdempotencyKeys.HEADER) == null || !COMMANDS.contains(request.getMethod())
                || !path.startsWith(TICKETS + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(IdempotencyKeys.HEADER);
        if (!IdempotencyKeys.isValid(key)) {
            refuse(request, response, Refused.invalidField(IdempotencyKeys.HEADER, IdempotencyKeys.RULE));
            return;
        }
        Optional<Caller> proven = caller(request);
        Optional<Request> read = proven.isPresent() ? Request.read(request) : Optional.empty();
        if (read.isEmpty()) {
            chain.doFilter(request, response); // not signed in, or a body the service refuses itself: no answer to keep
            return;
        }
        Caller caller = proven.get();
        String fingerprint = read.get().fingerprint();
        Optional<StoredAnswers.Earlier> earlier = answers.claim(caller.tenantId(), caller.userId(), key, fingerprint);
        if (earlier.isPresent()) {
            answerAgain(request, response, key, fingerprint, earlier.get());
            return;
        }
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(read.get().request(), answer);
            // a refusal the container renders itself (sendError: no handler, wrong method) has no body here to
            // replay; it is not stored, and a retry gets the same refusal anew
            if (answer.getStatus() < 500 && (answer.getStatus() < 400 || answer.getContentSize() > 0)) {
                answers.answered(caller.tenantId(), caller.userId(), key, new StoredAnswer(answer.getStatus(),
                        answer.getContentType(), answer.getHeader(HttpHeaders.ETAG),
                        answer.getHeader(HttpHeaders.LOCATION), answer.getContentAsByteArray()));
                kept = true;
            }
        } finally {
            if (!kept) {
                answers.release(caller.tenantId(), caller.userId(), key);
            }
            answer.copyBodyToResponse();
        }
    }

    private void answerAgain(HttpServletRequest request, HttpServletResponse response, String key, String fingerprint,
                             StoredAnswers.Earlier earlier) throws IOException {
        if (!earlier.fingerprint().equals(fingerprint)) {
            refuse(request, response, new Refused(IdempotencyRule.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key '" + key
                    + "' was already used for a different request (method, path or body); use a new key for it"));
            return;
        }
        if (earlier.answer().isEmpty()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            refuse(request, response, new Refused(IdempotencyRule.IDEMPOTENT_REQUEST_IN_PROGRESS, "The first request "
                    + "with Idempotency-Key '" + key + "' is still running; retry in a second to get its answer"));
            return;
        }
        StoredAnswer stored = earlier.answer().get();
        response.setStatus(stored.status());
        response.setHeader(IdempotencyKeys.REPLAYED_HEADER, "true");
        if (stored.etag() != null) {
            response.setHeader(HttpHeaders.ETAG, stored.etag());
        }
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        byte[] body = stored.body() == null ? new byte[0] : stored.body();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Answers a refusal as the service answers every refusal (its problem mapping), though no controller ran. */
    private void refuse(HttpServletRequest request, HttpServletResponse response, Refused refusal) {
        problems.resolveException(request, response, null, refusal);
    }

    private Optional<Caller> caller(HttpServletRequest request) {
        try {
            return Optional.of(callers.resolve(request));
        } catch (RuntimeException notProven) {
            return Optional.empty();
        }
    }

    /** The request with its body read once: the fingerprint, and the request to pass on (which reads it again). */
    private record Request(HttpServletRequest request, String fingerprint) {

        static Optional<Request> read(HttpServletRequest request) throws IOException {
            MessageDigest digest = sha256();
            update(digest, request.getMethod());
            update(digest, request.getRequestURI());
            update(digest, request.getQueryString() == null ? "" : request.getQueryString());
            String contentType = request.getContentType();
            if (contentType != null && contentType.toLowerCase().startsWith("multipart/")) {
                // the container parses the parts once and keeps them: read them here, the controller gets them again
                try {
                    for (Part part : request.getParts()) {
                        update(digest, part.getName());
                        update(digest, part.getSubmittedFileName() == null ? "" : part.getSubmittedFileName());
                        try (InputStream in = part.getInputStream()) {
                            digest.update(in.readAllBytes());
                        }
                    }
                } catch (RuntimeException | ServletException | IOException unreadable) {
                    // too large, malformed (a part without headers, a stream cut short) or a file name the container
                    // will not give out (a NUL in it): the service refuses it as it would without the key, and
                    // nothing is done
                    return Optional.empty();
                }
                return Optional.of(new Request(request, HexFormat.of().formatHex(digest.digest())));
            }
            byte[] body = request.getInputStream().readAllBytes();
            digest.update(body);
            return Optional.of(new Request(new BodyRead(request, body), HexFormat.of().formatHex(digest.digest())));
        }

        private static void update(MessageDigest digest, String part) {
            digest.update(part.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException impossible) {
                throw new IllegalStateException("every Java runtime has SHA-256", impossible);
            }
        }
    }

    /** A request whose body was read to fingerprint it, giving the same bytes to whoever reads it next. */
    private static final class BodyRead extends HttpServletRequestWrapper {

        private final byte[] body;

        BodyRead(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
