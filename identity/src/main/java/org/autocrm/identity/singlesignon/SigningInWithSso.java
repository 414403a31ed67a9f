package org.autocrm.identity.singlesignon;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.autocrm.access.Role;
import org.autocrm.identity.IdentityException;
import org.autocrm.identity.audit.AuditKind;
import org.autocrm.identity.audit.AuditLog;
import org.autocrm.identity.directory.Account;
import org.autocrm.identity.directory.Directory;
import org.autocrm.identity.login.IssuingTokens;
import org.autocrm.identity.login.TokenResponse;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns the identity a tenant's provider vouched for into an AutoCRM sign-in: the account linked to
 * (issuer, subject), else the account with the (provider-verified) email, which is then linked, else a
 * new account when the tenant provisions users. Role and groups follow the provider at every sign-in.
 * SSO sign-ins skip TOTP: the provider owns the second factor. Blocking.
 */
@Component
class SigningInWithSso {

    /** Who changes role and groups at an SSO sign-in, in the audit log. */
    private static final String PROVIDER_ACTOR = "sso";

    private final Directory directory;
    private final MongoTemplate mongo;
    private final IssuingTokens issuing;
    private final AuditLog audit;
    private final Clock clock;

    SigningInWithSso(Directory directory, MongoTemplate mongo, IssuingTokens issuing, AuditLog audit, Clock clock) {
        this.directory = directory;
        this.mongo = mongo;
        this.issuing = issuing;
        this.audit = audit;
        this.clock = clock;
    }

    /** The tokens of an SSO sign-in, and whether they are a customer's (who lands in the portal, not the workspace). */
    record SignedIn(TokenResponse tokens, boolean customer) {
    }

    SignedIn signIn(ExternalIdentity identity, OidcSettings settings, String address) {
        String tenantId = directory.tenant(identity.tenant()).map(tenant -> tenant.id())
                .orElseThrow(() -> IdentityException.notFound("Single sign-on is not set up for this organisation."));
        Account account = linkedAccount(identity)
                .or(() -> accountByEmail(identity, address))
                .or(() -> provisioned(identity, settings, address))
                .orElseThrow(() -> {
                    failed(tenantId, null, identity.email(), address, "sso_unknown_user");
                    return IdentityException.forbidden("Your organisation has no AutoCRM account for " + identity.email()
                            + "; ask an admin to create one.");
                });
        if (!account.active()) {
            failed(tenantId, account.id(), account.email(), address, "deactivated");
            throw IdentityException.forbidden("This AutoCRM account is deactivated; ask an admin.");
        }
        Account signedIn = followProvider(account, identity, address);
        return new SignedIn(issuing.signIn(signedIn, address, "sso"), signedIn.roleType() == Role.CUSTOMER);
    }

    /** A failure the provider side reported (state, refusal, invalid token, unavailable), for the audit log. */
    void recordFailure(String tenantId, SsoLoginFailed failure, String address) {
        if (directory.tenant(tenantId).isPresent()) {
            failed(tenantId, null, null, address, "sso_" + failure.reason().name().toLowerCase(Locale.ROOT));
        }
    }

    private Optional<Account> linkedAccount(ExternalIdentity identity) {
        return Optional.ofNullable(mongo.findById(SsoLink.keyOf(identity.tenant(), identity.issuer(), identity.subject()),
                        SsoLink.class))
                .flatMap(link -> directory.account(identity.tenant(), link.accountId()));
    }

    /** The provider verified the email (unverified ones are refused in {@code sso/}), so it may claim the account. */
    private Optional<Account> accountByEmail(ExternalIdentity identity, String address) {
        Optional<Account> found = directory.accountByEmail(identity.tenant(), identity.email());
        found.ifPresent(account -> {
            link(identity, account);
            audit.record(account.tenantId(), AuditKind.SSO_ACCOUNT_LINKED, account.id(), account.email(), address,
                    Map.of("issuer", identity.issuer(), "subject", identity.subject()), PROVIDER_ACTOR, "system");
        });
        return found;
    }

    private Optional<Account> provisioned(ExternalIdentity identity, OidcSettings settings, String address) {
        if (!settings.provisionUnknownUsers()) {
            return Optional.empty();
        }
        Role role = identity.role();
        if (role == Role.CUSTOMER) {
            // a portal account points at a customer of ticket-service, which single sign-on cannot create
            throw IdentityException.forbidden("Customer portal accounts are not created by single sign-on; "
                    + "an admin creates them.");
        }
        Account account = new Account(UUID.randomUUID().toString(), identity.tenant(),
                Directory.normalisedEmail(identity.email()), identity.name(), role.value(),
                existingGroups(identity), null, null, true, 0, null, clock.instant());
        if (!directory.createAccount(account)) {
            return directory.accountByEmail(identity.tenant(), identity.email()); // created by a racing sign-in
        }
        link(identity, account);
        audit.record(account.tenantId(), AuditKind.USER_CREATED, account.id(), account.email(), address,
                Map.of("role", account.role(), "groups", String.join(",", account.groups()), "source", "sso"),
                PROVIDER_ACTOR, "system");
        return Optional.of(account);
    }

    /** The provider is the source of role and groups for its users. */
    private Account followProvider(Account account, ExternalIdentity identity, String address) {
        Role role = identity.role();
        if ((account.roleType() == Role.CUSTOMER) != (role == Role.CUSTOMER)) {
            failed(account.tenantId(), account.id(), account.email(), address, "sso_role_mismatch");
            throw IdentityException.forbidden("The sign-in provider gives this account a role that does not fit it "
                    + "(customer and staff accounts do not turn into each other); ask an admin.");
        }
        List<String> groups = role == Role.CUSTOMER ? List.of() : existingGroups(identity);
        if (account.role().equals(role.value()) && account.groups().equals(groups)) {
            return account;
        }
        directory.changeRoleAndGroups(account.id(), role.value(), groups);
        if (!account.role().equals(role.value())) {
            audit.record(account.tenantId(), AuditKind.ROLE_CHANGED, account.id(), account.email(), address,
                    Map.of("role", role.value(), "previousRole", account.role(), "source", "sso"), PROVIDER_ACTOR,
                    "system");
        }
        if (!account.groups().equals(groups)) {
            audit.record(account.tenantId(), AuditKind.GROUPS_CHANGED, account.id(), account.email(), address,
                    Map.of("groups", String.join(",", groups), "previousGroups", String.join(",", account.groups()),
                            "source", "sso"), PROVIDER_ACTOR, "system");
        }
        return directory.account(account.id()).orElseThrow();
    }

    private void link(ExternalIdentity identity, Account account) {
        try {
            mongo.insert(new SsoLink(SsoLink.keyOf(identity.tenant(), identity.issuer(), identity.subject()),
                    identity.tenant(), identity.issuer(), identity.subject(), account.id(), clock.instant()));
        } catch (DuplicateKeyException linkedByARacingSignIn) {
            // the same person, linked once is enough
        }
    }

    /** Group ids the provider maps to but the tenant does not have are left out. */
    private List<String> existingGroups(ExternalIdentity identity) {
        return identity.groups().stream().filter(group -> directory.group(identity.tenant(), group).isPresent()).toList();
    }

    private void failed(String tenantId, String accountId, String email, String address, String reason) {
        audit.record(tenantId, AuditKind.LOGIN_FAILED, accountId, email, address, Map.of("reason", reason),
                accountId == null ? "anonymous" : accountId, "system");
    }
}
