package org.autocrm.identity.staff;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Comparator;
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

/** {@code GET /api/staff}: the tenant's active agents, team leads and admins, for every member of staff. */
@Tag(name = "Staff", description = "Who works tickets in this tenant: for mentions and assignment.")
@RestController
@SecurityRequirement(name = ProblemResponsesDocumented.BEARER)
@ProblemResponse(status = 401, description = Refusals.NOT_SIGNED_IN)
@ProblemResponse(status = 503, description = Refusals.STORE_UNAVAILABLE)
class StaffDirectoryController {

    static final String STAFF_ONLY = "Only agents, team leads and admins (or an API key with the admin scope) may see "
            + "the staff directory";

    private final Directory directory;

    StaffDirectoryController(Directory directory) {
        this.directory = directory;
    }

    @Operation(summary = "List the active staff", description = "Agents, team leads and admins whose accounts are "
            + "active, by name. Customers' portal accounts and deactivated accounts are not listed.")
    @GetMapping("/api/staff")
    @ProblemResponse(status = 403, description = STAFF_ONLY)
    Mono<List<StaffMember>> list(ServerWebExchange exchange) {
        Authentication caller = Authentication.of(exchange);
        if (!caller.caller().isStaff() && !caller.isAdmin()) {
            throw IdentityException.forbidden("Only agents, team leads and admins may see the staff directory.");
        }
        return Blocking.call(() -> directory.accounts(caller.tenant()).stream()
                .filter(Account::active)
                .filter(account -> !"customer".equals(account.role()))
                .sorted(Comparator.comparing((Account account) -> account.name() == null ? "" : account.name(),
                        String.CASE_INSENSITIVE_ORDER))
                .map(StaffMember::of)
                .toList());
    }
}
