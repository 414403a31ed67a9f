package org.autocrm.gateway.support;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.autocrm.identity.admin.CreateUser;
import org.autocrm.identity.admin.ManagingUsers;
import org.autocrm.identity.directory.Account;
import org.autocrm.identity.directory.Directory;
import org.autocrm.identity.directory.Group;
import org.autocrm.identity.directory.Tenant;
import org.autocrm.identity.directory.TenantSettings;
import org.autocrm.identity.session.Sessions;
import org.autocrm.identity.token.AccessTokens;
import org.springframework.context.ApplicationContext;

/**
 * Arranges tenants and accounts through the gateway's own components, so each test works in a tenant
 * of its own, and signs accounts in without going through the login endpoint when login is not what
 * the test is about.
 */
public final class Identities {

    public static final String PASSWORD = "correct horse battery";

    private final Directory directory;
    private final ManagingUsers users;
    private final Sessions sessions;
    private final AccessTokens tokens;
    private final Clock clock;

    public Identities(ApplicationContext context) {
        this.directory = context.getBean(Directory.class);
        this.users = context.getBean(ManagingUsers.class);
        this.sessions = context.getBean(Sessions.class);
        this.tokens = context.getBean(AccessTokens.class);
        this.clock = context.getBean(Clock.class);
    }

    /** A new tenant with the groups {@code tier-1} and {@code billing}. */
    public String newTenant() {
        String id = "t-" + UUID.randomUUID().toString().substring(0, 8);
        directory.createTenant(new Tenant(id, "Tenant " + id, TenantSettings.defaults(), clock.instant()));
        directory.createGroup(Group.of(id, "tier-1", "Tier 1", clock.instant()));
        directory.createGroup(Group.of(id, "billing", "Billing", clock.instant()));
        return id;
    }

    public Account user(String tenant, String role, String... groups) {
        String email = role + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        return users.create(tenant, new CreateUser(email, "Test " + role, role, List.of(groups), PASSWORD, null), "test",
                "system");
    }

    public Account customer(String tenant, String customerId) {
        String email = "customer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        return users.create(tenant, new CreateUser(email, "Sarah Customer", "customer", List.of(), PASSWORD, customerId),
                "test", "system");
    }

    /** A fresh session's access token for the account. */
    public String token(Account account) {
        return tokens.forAccount(account, sessions.start(account.tenantId(), account.id()).session().id());
    }

    public String bearer(Account account) {
        return "Bearer " + token(account);
    }
}
