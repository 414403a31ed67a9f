package org.autocrm.identity.admin;

import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;
import java.util.List;
import org.autocrm.identity.directory.Passwords;

/**
 * {@code POST /api/admin/users}: a staff user (role admin, team_lead or agent, with groups) or a
 * customer's portal account (role customer, with the ticket-service {@code customerId}).
 */
public record CreateUser(
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "maria@acme.example") String email,
        @Schema(requiredMode = RequiredMode.REQUIRED) String name,
        @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"admin", "team_lead", "agent", "customer"})
        String role,
        @Schema(description = "groups of a staff user; each must exist") List<String> groups,
        @Schema(requiredMode = RequiredMode.REQUIRED, minLength = Passwords.MIN_LENGTH, maxLength = Passwords.MAX_LENGTH)
        String password,
        @Schema(description = "the customer's id in ticket-service; for (and only for) a customer account")
        @Nullable String customerId) {
}
