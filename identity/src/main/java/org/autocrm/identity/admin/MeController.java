package org.autocrm.identity.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import java.util.List;
import org.autocrm.access.apidocs.ProblemResponse;
import org.autocrm.access.apidocs.ProblemResponsesDocumented;
import org.autocrm.identity.Authentication;
import org.autocrm.identity.Blocking;
import org.autocrm.identity.IdentityException;
import org.autocrm.identity.Refusals;
import org.autocrm.identity.directory.Account;
import org.autocrm.identity.directory.Directory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** {@code GET /api/me}: who the caller is, as the services will see them. */
@Tag(name = "Me",
        description = "Who the caller is, as the services see them.")
@RestController
@SecurityRequirement(name = ProblemResponsesDocumented.BEARER)
@ProblemResponse(status = 401, description = Refusals.NOT_SIGNED_IN)
@ProblemResponse(status = 503, description = Refusals.STORE_UNAVAILABLE)
class MeController {

    /**
     * {@code id} is the token's {@code sub}: the customer id for a customer, {@code key-<id>} for an API key. An API
     * key has no name, email or customer; a staff user has no customer.
     */
    record Me(String id, String tenant, List<String> roles, List<String> groups, @Nullable String customerId,
            @Nullable String name, @Nullable String email, List<String> scopes) {
    }

    private final Directory directory;

    MeController(Directory directory) {
        this.directory = directory;
    }

    @Operation(summary = "Read who I am")
    @GetMapping("/api/me")
    Mono<Me> me(ServerWebExchange exchange) {
        Authentication caller = Authentication.of(exchange);
        if (caller.accountId() == null) {
            return Mono.just(new Me(caller.subject(), caller.tenant(), List.of(caller.role().value()), List.of(), null,
                    null, null, caller.caller().scopes().stream().sorted().toList()));
        }
        return Blocking.call(() -> {
            Account account = directory.account(caller.accountId())
                    .orElseThrow(() -> IdentityException.unauthorized("This account no longer exists."));
            return new Me(account.subject(), account.tenantId(), List.of(account.role()), account.groups(),
                    account.customerId(), account.name(), account.email(), List.of());
        });
    }
}
