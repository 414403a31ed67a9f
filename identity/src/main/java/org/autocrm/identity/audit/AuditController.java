package org.autocrm.identity.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.autocrm.access.apidocs.ProblemResponse;
import org.autocrm.access.apidocs.ProblemResponsesDocumented;
import org.autocrm.identity.Authentication;
import org.autocrm.identity.Blocking;
import org.autocrm.identity.IdentityException;
import org.autocrm.identity.Refusals;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** {@code GET /api/admin/audit}: the tenant's security events, newest first (admin only). */
@Tag(name = "Audit log",
        description = "The tenant's security events, newest first (admins only).")
@RestController
@SecurityRequirement(name = ProblemResponsesDocumented.BEARER)
@ProblemResponse(status = 401, description = Refusals.NOT_SIGNED_IN)
@ProblemResponse(status = 403, description = Refusals.ADMIN_ONLY)
@ProblemResponse(status = 503, description = Refusals.STORE_UNAVAILABLE)
class AuditController {

    static final int MAX_PAGE_SIZE = 200;

    record Actor(String userId, String role) {
    }

    /** {@code userId}, {@code email} and {@code clientAddress} are null where the event has none (a setting changed). */
    record AuditView(String id, long sequence, String type, @Nullable String userId, @Nullable String email,
            @Nullable String clientAddress, Map<String, String> detail, Actor by, Instant at) {
        static AuditView of(AuditEntry entry) {
            return new AuditView(entry.id(), entry.sequence(), entry.kind(), entry.userId(), entry.email(),
                    entry.clientAddress(), entry.detail(), new Actor(entry.actorId(), entry.actorRole()), entry.at());
        }
    }

    record AuditPage(List<AuditView> items, int page, int size, long total) {
    }

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @Operation(summary = "List security events")
    @GetMapping("/api/admin/audit")
    @ProblemResponse(status = 400, description = "page, size, from or to is not valid: the problem says which")
    Mono<AuditPage> audit(
            @Parameter(description = "only events of this type, e.g. login_failed")
            @RequestParam(required = false) String type,
            @Parameter(description = "only events about this user") @RequestParam(required = false) String userId,
            @Parameter(description = "only events at or after this instant",
                    schema = @Schema(type = "string", format = "date-time"))
            @RequestParam(required = false) String from,
            @Parameter(description = "only events before this instant",
                    schema = @Schema(type = "string", format = "date-time"))
            @RequestParam(required = false) String to,
            @Parameter(schema = @Schema(type = "integer", format = "int32", minimum = "0", defaultValue = "0"))
            @RequestParam(defaultValue = "0") int page,
            @Parameter(schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "" + MAX_PAGE_SIZE,
                    defaultValue = "50"))
            @RequestParam(defaultValue = "50") int size,
            ServerWebExchange exchange) {
        Authentication admin = Authentication.of(exchange).requireAdmin();
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw IdentityException.badRequest("page must be 0 or more and size 1 to " + MAX_PAGE_SIZE + ".");
        }
        Instant fromInstant = instant("from", from);
        Instant toInstant = instant("to", to);
        return Blocking.call(() -> new AuditPage(
                audit.find(admin.tenant(), type, userId, fromInstant, toInstant, page, size).stream().map(AuditView::of).toList(),
                page, size, audit.count(admin.tenant(), type, userId, fromInstant, toInstant)));
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw IdentityException.badRequest(name + " must be an ISO-8601 instant, e.g. 2026-11-22T09:00:00Z.");
        }
    }
}
