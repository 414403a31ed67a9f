package org.autocrm.identity.admin;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.autocrm.access.Role;
import org.autocrm.identity.Authentication;
import org.autocrm.identity.IdentityException;
import org.autocrm.identity.audit.AuditKind;
import org.autocrm.identity.audit.AuditLog;
import org.autocrm.identity.directory.Account;
import org.autocrm.identity.directory.Directory;
import org.autocrm.identity.directory.Passwords;
import org.autocrm.identity.session.Sessions;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * An admin creating accounts, changing roles and groups, deactivating and reactivating. Every change
 * is audited; deactivation ends the account's sessions, so its tokens stop working at once. Blocking.
 */
@Component
public class ManagingUsers {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

    private final Directory directory;
    private final Passwords passwords;
    private final Sessions sessions;
    private final AuditLog audit;
    private final Clock clock;

    ManagingUsers(Directory directory, Passwords passwords, Sessions sessions, AuditLog audit, Clock clock) {
        this.directory = directory;
        this.passwords = passwords;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    public Account create(String tenantId, CreateUser request, String actorId, String actorRole) {
        return create(tenantId, UUID.randomUUID().toString(), request, actorId, actorRole);
    }

    /** With a chosen id: the demo tenant's users have fixed ids. */
    public Account create(String tenantId, String id, CreateUser request, String actorId, String actorRole) {
        if (request == null || request.email() == null || !EMAIL.matcher(request.email().trim()).matches()) {
            throw unprocessable("email must be an email address.");
        }
        if (request.name() == null || request.name().isBlank()) {
            throw unprocessable("name must not be empty.");
        }
        Role role = roleOf(request.role());
        String customerId = blankToNull(request.customerId());
        if (role == Role.CUSTOMER && customerId == null) {
            throw unprocessable("A customer account needs customerId, the id of the customer in ticket-service.");
        }
        if (role != Role.CUSTOMER && customerId != null) {
            throw unprocessable("Only a customer account has a customerId.");
        }
        List<String> groups = role == Role.CUSTOMER ? List.of() : existingGroups(tenantId, request.groups());
        String hash;
        try {
            hash = passwords.hash(request.password());
        } catch (IllegalArgumentException tooShortOrLong) {
            throw unprocessable("password must have " + Passwords.MIN_LENGTH + " to 72 characters.");
        }
        if (customerId != null && directory.accounts(tenantId).stream().anyMatch(a -> customerId.equals(a.customerId()))) {
            throw IdentityException.conflict("This customer already has a portal account.");
        }
        Account account = new Account(id, tenantId, Directory.normalisedEmail(request.email()), request.name().trim(),
                role.value(), groups, customerId, hash, true, 0, null, clock.instant());
        if (!directory.createAccount(account)) {
            throw IdentityException.conflict("An account with this email already exists in this tenant.");
        }
        audit.record(tenantId, AuditKind.USER_CREATED, account.id(), account.email(), null,
                Map.of("role", account.role(), "groups", String.join(",", groups)), actorId, actorRole);
        return account;
    }

    public Account changeRole(Authentication admin, String id, String newRole) {
        Account account = accountOf(admin, id);
        Role role = roleOf(newRole);
        if (account.roleType() == Role.CUSTOMER || role == Role.CUSTOMER) {
            throw unprocessable("A customer account stays a customer account; staff roles are admin, team_lead, agent.");
        }
        if (account.id().equals(admin.accountId()) && role != Role.ADMIN) {
            throw IdentityException.conflict("You cannot take the admin role from yourself; another admin can.");
        }
        Account changed = directory.saveAccount(account.withRole(role.value()));
        audit.record(admin.tenant(), AuditKind.ROLE_CHANGED, account.id(), account.email(), null,
                Map.of("role", role.value(), "previousRole", account.role()), admin.subject(), admin.role().value());
        return changed;
    }

    public Account changeGroups(Authentication admin, String id, List<String> groups) {
        Account account = accountOf(admin, id);
        if (account.roleType() == Role.CUSTOMER) {
            throw unprocessable("Customers are not in groups.");
        }
        List<String> checked = existingGroups(admin.tenant(), groups);
        Account changed = directory.saveAccount(account.withGroups(checked));
        audit.record(admin.tenant(), AuditKind.GROUPS_CHANGED, account.id(), account.email(), null,
                Map.of("groups", String.join(",", checked), "previousGroups", String.join(",", account.groups())),
                admin.subject(), admin.role().value());
        return changed;
    }

    public Account deactivate(Authentication admin, String id) {
        Account account = accountOf(admin, id);
        if (account.id().equals(admin.accountId())) {
            throw IdentityException.conflict("You cannot deactivate yourself; another admin can.");
        }
        Account changed = directory.saveAccount(account.withActive(false));
        sessions.revokeAllOf(account.id(), "account deactivated");
        if (account.active()) {
            audit.record(admin.tenant(), AuditKind.USER_DEACTIVATED, account.id(), account.email(), null, Map.of(),
                    admin.subject(), admin.role().value());
        }
        return changed;
    }

    public Account reactivate(Authentication admin, String id) {
        Account account = accountOf(admin, id);
        Account changed = directory.saveAccount(account.withActive(true));
        if (!account.active()) {
            audit.record(admin.tenant(), AuditKind.USER_REACTIVATED, account.id(), account.email(), null, Map.of(),
                    admin.subject(), admin.role().value());
        }
        return changed;
    }

    /** Another tenant's account is as unknown as a made-up id: 404. */
    Account accountOf(Authentication caller, String id) {
        return directory.account(caller.tenant(), id)
                .orElseThrow(() -> IdentityException.notFound("No user " + id + " in this tenant."));
    }

    private List<String> existingGroups(String tenantId, List<String> groups) {
        List<String> requested = groups == null ? List.of() : groups.stream().distinct().toList();
        List<String> unknown = requested.stream()
                .filter(group -> group == null || directory.group(tenantId, group).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw unprocessable("Unknown group(s) " + unknown + "; create them first (POST /api/admin/groups).");
        }
        return requested;
    }

    private static Role roleOf(String name) {
        Optional<Role> role = Role.of(name);
        if (role.isEmpty() || role.get() == Role.API_KEY) {
            throw unprocessable("role must be one of admin, team_lead, agent, customer.");
        }
        return role.get();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static IdentityException unprocessable(String detail) {
        return new IdentityException(HttpStatus.UNPROCESSABLE_ENTITY, detail);
    }
}
