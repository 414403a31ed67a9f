package org.autocrm.identity.admin;

import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import org.autocrm.identity.directory.Account;

/** An account as admins see it; never the password hash. {@code customerId} only for a customer's portal account. */
record UserView(String id, String tenant, String email, String name, String role, List<String> groups,
        @Nullable String customerId, boolean active, boolean locked, Instant createdAt) {

    static UserView of(Account account, Instant now) {
        return new UserView(account.id(), account.tenantId(), account.email(), account.name(), account.role(),
                account.groups(), account.customerId(), account.active(), account.isLockedAt(now), account.createdAt());
    }
}
