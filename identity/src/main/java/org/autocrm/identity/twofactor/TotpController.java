package org.autocrm.identity.twofactor;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.autocrm.access.apidocs.ProblemResponse;
import org.autocrm.access.apidocs.ProblemResponsesDocumented;
import org.autocrm.identity.Authentication;
import org.autocrm.identity.Blocking;
import org.autocrm.identity.Refusals;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import reactor.core.publisher.Mono;

/**
 * {@code /api/me/totp}: a signed-in staff user, or one holding the enrolment-only token a login gave
 * them, turns TOTP on; a signed-in one turns it off. {@code /api/admin/users/{id}/totp}: an admin resets another
 * user's.
 */
@Tag(name = "Two-factor sign-in",
        description = "Time-based one-time passwords (TOTP) for staff: turn them on and off for yourself; admins reset "
                + "another user's.")
@RestController
@SecurityRequirement(name = ProblemResponsesDocumented.BEARER)
@ProblemResponse(status = 401, description = Refusals.NOT_SIGNED_IN)
@ProblemResponse(status = 503, description = Refusals.STORE_UNAVAILABLE)
class TotpController {

    private static final String FOR_STAFF = "Two-factor sign-in is for staff accounts: an API key or a customer has "
            + "none";

    record Confirm(@Schema(description = "the six digits the authenticator app shows now, e.g. 492039")
            @Nullable String code) {
    }

    /** Proof that it is the user: a current code (or a recovery code), or else the password. */
    record Disable(@Nullable String code, @Nullable String password) {
    }

    private final EnrollingTotp enrolling;
    private final ResettingTotp resetting;
    private final ObjectReader disableReader;

    TotpController(EnrollingTotp enrolling, ResettingTotp resetting, ObjectMapper json) {
        this.enrolling = enrolling;
        this.resetting = resetting;
        this.disableReader = json.readerFor(Disable.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    @Operation(summary = "Start turning on two-factor sign-in")
    @PostMapping("/api/me/totp")
    @ProblemResponse(status = 403, description = FOR_STAFF)
    @ProblemResponse(status = 409, description = "Two-factor sign-in is on already; turn it off first")
    Mono<ResponseEntity<EnrollingTotp.Started>> start(ServerWebExchange exchange) {
        Authentication caller = Authentication.of(exchange);
        return Blocking.call(() -> enrolling.start(caller))
                .map(started -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(started));
    }

    @Operation(summary = "Turn on two-factor sign-in with a first code")
    @PostMapping("/api/me/totp/confirm")
    @ProblemResponse(status = 403, description = FOR_STAFF)
    @ProblemResponse(status = 409, description = "No enrolment was started (POST /api/me/totp), or two-factor sign-in "
            + "is on already")
    @ProblemResponse(status = 422, description = "The code is wrong: not the one the authenticator app shows now")
    Mono<ResponseEntity<EnrollingTotp.Enabled>> confirm(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true)
            @RequestBody(required = false) Confirm request,
            ServerWebExchange exchange) {
        Authentication caller = Authentication.of(exchange);
        String enrolmentToken = exchange.getAttribute(EnrolmentToken.ATTRIBUTE);
        return Blocking.call(() -> enrolling.confirm(caller, request == null ? null : request.code(), enrolmentToken))
                .map(enabled -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(enabled));
    }

    /**
     * The proof comes as a JSON body, which a DELETE without one (and without Content-Type) may leave out: WebFlux
     * would refuse that with 415 before the controller ran, so the body is read here.
     */
    @Operation(summary = "Turn off two-factor sign-in")
    @DeleteMapping("/api/me/totp")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Disable.class)))
    @ProblemResponse(status = 400, description = "Neither code nor password was sent, or the body is not valid JSON")
    @ProblemResponse(status = 403, description = "The code or password is wrong, or the account is not a staff "
            + "account")
    @ProblemResponse(status = 409, description = "Two-factor sign-in is not on, or the organisation requires it")
    Mono<Void> disable(ServerWebExchange exchange) {
        Authentication caller = Authentication.of(exchange);
        return proofIn(exchange)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(proof -> Blocking.run(() -> enrolling.disable(caller, proof.map(Disable::code).orElse(null),
                        proof.map(Disable::password).orElse(null))));
    }

    /** An admin turns off another staff user's TOTP (lost authenticator and recovery codes). */
    @Operation(summary = "Reset a user's two-factor sign-in")
    @DeleteMapping("/api/admin/users/{id}/totp")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ProblemResponse(status = 403, description = Refusals.ADMIN_ONLY)
    @ProblemResponse(status = 404, description = Refusals.NO_SUCH_USER)
    @ProblemResponse(status = 409, description = "Two-factor sign-in is not on for this user, or it is the admin's own")
    Mono<Void> reset(@PathVariable String id, ServerWebExchange exchange) {
        Authentication admin = Authentication.of(exchange);
        return Blocking.run(() -> resetting.reset(admin, id));
    }

    /** The body's proof; empty when there is no body. A body must be JSON. */
    private Mono<Disable> proofIn(ServerWebExchange exchange) {
        return DataBufferUtils.join(exchange.getRequest().getBody()).flatMap(buffer -> {
            byte[] body = new byte[buffer.readableByteCount()];
            buffer.read(body);
            DataBufferUtils.release(buffer);
            if (body.length == 0) {
                return Mono.empty();
            }
            MediaType type;
            try {
                type = exchange.getRequest().getHeaders().getContentType();
            } catch (InvalidMediaTypeException unparseable) {
                return Mono.error(new UnsupportedMediaTypeStatusException("Content-Type '" + unparseable.getMediaType()
                        + "' is not a media type; send application/json."));
            }
            if (type == null
                    || !(MediaType.APPLICATION_JSON.isCompatibleWith(type) || type.getSubtype().endsWith("+json"))) {
                return Mono.error(new UnsupportedMediaTypeStatusException(type, List.of(MediaType.APPLICATION_JSON)));
            }
            try {
                return Mono.justOrEmpty(disableReader.<Disable>readValue(body));
            } catch (IOException unreadable) {
                // the parser's own words name Java types; these name what the client sent
                return Mono.error(new ServerWebInputException("The body is not valid JSON, or code or password is not "
                        + "text: send {\"code\": \"123456\"} or {\"password\": \"...\"}."));
            }
        });
    }
}
