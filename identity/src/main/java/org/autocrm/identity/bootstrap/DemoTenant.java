package org.autocrm.identity.bootstrap;

import java.time.Clock;
import java.util.List;
import org.autocrm.access.Role;
import org.autocrm.identity.admin.CreateUser;
import org.autocrm.identity.admin.ManagingUsers;
import org.autocrm.identity.directory.Directory;
import org.autocrm.identity.directory.Group;
import org.autocrm.identity.directory.Tenant;
import org.autocrm.identity.directory.TenantSettings;
import org.springframework.stereotype.Component;

/**
 * The demo tenant of {@code ./autocrm run --demo-data}: an admin, a team lead and two agents in two
 * groups, with fixed ids and DEVELOPMENT-ONLY passwords (documented in the README). Safe to run on every
 * start: what exists is left alone.
 */
@Component
public class DemoTenant {

    public static final String TENANT = "demo";

    /** id, email, password, name, role, groups. */
    record DemoUser(String id, String email, String password, String name, String role, List<String> groups) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("demo-admin", "admin@demo.example", "demo-admin-pw", "Dana Admin", Role.ADMIN.value(), List.of()),
            new DemoUser("demo-lead", "lead@demo.example", "demo-lead-pw", "Lee Lead", Role.TEAM_LEAD.value(),
                    List.of("tier-1", "billing")),
            new DemoUser("demo-agent", "agent@demo.example", "demo-agent-pw", "Maria Agent", Role.AGENT.value(), List.of("tier-1")),
            new DemoUser("demo-agent-2", "agent2@demo.example", "demo-agent-pw", "Alex Agent", Role.AGENT.value(),
                    List.of("billing")));

    private final Directory directory;
    private final ManagingUsers users;
    private final Clock clock;

    DemoTenant(Directory directory, ManagingUsers users, Clock clock) {
        this.directory = directory;
        this.users = users;
        this.clock = clock;
    }

    public void ensure() {
        directory.createTenant(new Tenant(TENANT, "Demo Support", TenantSettings.defaults(), clock.instant()));
        directory.createGroup(Group.of(TENANT, "tier-1", "Tier 1", clock.instant()));
        directory.createGroup(Group.of(TENANT, "billing", "Billing", clock.instant()));
        for (DemoUser user : USERS) {
            if (directory.account(user.id()).isEmpty() && directory.accountByEmail(TENANT, user.email()).isEmpty()) {
                users.create(TENANT, user.id(), new CreateUser(user.email(), user.name(), user.role(), user.groups(),
                        user.password(), null), "demo-data", "system");
            }
        }
    }
}
