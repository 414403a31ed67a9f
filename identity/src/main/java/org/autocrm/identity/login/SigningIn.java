package org.autocrm.identity.login;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.autocrm.identity.AddressThrottle;
import org.autocrm.identity.IdentityException;
import org.autocrm.identity.IdentityProperties;
import org.autocrm.identity.audit.AuditKind;
import org.autocrm.identity.audit.AuditLog;
import org.autocrm.identity.directory.Account;
import org.autocrm.identity.directory.Directory;
import org.autocrm.identity.directory.Passwords;
import org.autocrm.identity.directory.Tenant;
import org.autocrm.identity.session.RefreshOutcome;
import org.autocrm.identity.session.Sessions;
import org.autocrm.identity.token.AccessTokens;
import org.autocrm.identity.twofactor.SecondFactor;
import org.autocrm.identity.twofactor.TotpRequirement;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Password login, refresh and logout. A failure never tells whether the email exists: an unknown
 * email, a wrong password, a deactivated or a locked account all answer 401 with the same detail
 * (a locked one adds Retry-After) after the same bcrypt work. Blocking.
 */
@Component
class SigningIn {

    static final String WRONG_CREDENTIALS = "Wrong email or password.";
    /** The password was right; the client asks for the authenticator code and sends it as {@code totp}. */
    public static final URI TOTP_REQUIRED = URI.create("https://autocrm.org/problems/totp-required");
    /** The tenant enforces two-factor and the user has none: the problem carries an enrolment-only token. */
    public static final URI TOTP_ENROLMENT_REQUIRED = URI.create("https://autocrm.org/problems/totp-enrolment-required");

    private final Directory directory;
    private final Passwords passwords;
    private final Sessions sessions;
    private final AccessTokens tokens;
    private final AuditLog audit;
    private final AddressThrottle throttle;
    private final SecondFactor secondFactor;
    private final IdentityProperties properties;
    private final Clock clock;
    private final IssuingTokens issuing;

    SigningIn(Directory directory, Passwords passwords, Sessions sessions, AccessTokens tokens, AuditLog audit,
            AddressThrottle throttle, Optional<SecondFactor> secondFactor, IdentityProperties properties, Clock clock,
            IssuingTokens issuing) {
        this.issuing = issuing;
        this.directory = directory;
        this.passwords = passwords;
        this.sessions = sessions;
        this.tokens = tokens;
        this.audit = audit;
        this.throttle = throttle;
        this.secondFactor = secondFactor.orElse(new NoSecondFactor());
        this.properties = properties;
        this.clock = clock;
    }

    TokenResponse login(LoginRequest request, String address) {
        if (request == null || blank(request.tenant()) || blank(request.email()) || request.password() == null) {
            throw IdentityException.badRequest("Send tenant, email and password.");
        }
        Optional<Duration> throttled = throttle.blockedFor(address);
        if (throttled.isPresent()) {
            throw new IdentityException(HttpStatus.TOO_MANY_REQUESTS,
                    "Too many failed logins from this address; try again later.").retryAfter(throttled.get());
        }
        Optional<Tenant> tenant = directory.tenant(request.tenant());
        Optional<Account> found = tenant.flatMap(t -> directory.accountByEmail(t.id(), request.email()));
        if (found.isEmpty()) {
            passwords.spendTimeOfACheck();
            throttle.failed(address);
            tenant.ifPresent(t -> audit.record(t.id(), AuditKind.LOGIN_FAILED, null,
                    Directory.normalisedEmail(request.email()), address, Map.of("reason", "unknown_email"),
                    "anonymous", "system"));
            throw IdentityException.unauthorized(WRONG_CREDENTIALS);
        }
        Account account = found.get();
        Instant now = clock.instant();
        boolean passwordRight = passwords.matches(request.password(), account.passwordHash());
        if (account.isLockedAt(now)) {
            throttle.failed(address);
            failed(account, address, "locked");
            throw IdentityException.unauthorized(WRONG_CREDENTIALS).retryAfter(Duration.between(now, account.lockedUntil()));
        }
        if (!account.active()) {
            throttle.failed(address);
            failed(account, address, "deactivated");
            throw IdentityException.unauthorized(WRONG_CREDENTIALS);
        }
        if (!passwordRight) {
            wrongSecret(account, address, "wrong_password", now);
        }
        boolean enforced = tenant.get().settings() != null && tenant.get().settings().requireTotp();
        TotpRequirement needed = TotpRequirement.forLogin(account.roleType().isStaff(), enforced,
                secondFactor.isEnrolled(account));
        if (needed == TotpRequirement.ENROLMENT) {
            directory.clearFailedLogins(account.id());
            failed(account, address, "totp_enrolment_required");
            String enrolmentToken = secondFactor.enrolmentToken(account);
            if (enrolmentToken == null) {
                throw IdentityException.forbidden("This organisation requires two-factor sign-in, which is not available.");
            }
            throw IdentityException.forbidden("This organisation requires two-factor sign-in and you have not set it up yet. "
                            + "Enrol with the enrolmentToken: POST /api/me/totp and then POST /api/me/totp/confirm "
                            + "(Authorization: Bearer <enrolmentToken>), then sign in again with the code.")
                    .type(TOTP_ENROLMENT_REQUIRED)
                    .with("enrolmentToken", enrolmentToken)
                    .with("enrolmentExpiresIn", secondFactor.enrolmentTokenTtl().toSeconds());
        }
        if (needed == TotpRequirement.CODE) {
            if (blank(request.totp())) {
                throw IdentityException.unauthorized("This account needs a TOTP code: send it as totp "
                        + "(or one of your recovery codes).").type(TOTP_REQUIRED);
            }
            SecondFactor.Check check = secondFactor.verify(account, request.totp());
            if (check != SecondFactor.Check.ACCEPTED) {
                wrongSecret(account, address, check == SecondFactor.Check.REPLAYED ? "replayed_totp" : "wrong_totp", now);
            }
        }
        return issuing.signIn(account, address, "password");
    }

    /** A wrong password or code: counted per address and per account, and the account locks at the limit. */
    private void wrongSecret(Account account, String address, String reason, Instant now) {
        throttle.failed(address);
        failed(account, address, reason);
        Account counted = directory.countFailedLogin(account.id());
        if (counted != null && counted.failedLogins() >= properties.lockout().maxFailures()) {
            Instant until = now.plus(properties.lockout().duration());
            directory.lock(account.id(), until);
            audit.record(account.tenantId(), AuditKind.ACCOUNT_LOCKED, account.id(), account.email(), address,
                    Map.of("lockedUntil", until.toString()), account.id(), account.role());
            throw IdentityException.unauthorized(WRONG_CREDENTIALS).retryAfter(properties.lockout().duration());
        }
        throw reason.equals("wrong_password") ? IdentityException.unauthorized(WRONG_CREDENTIALS)
                : IdentityException.unauthorized("Wrong or already used TOTP code.").type(TOTP_REQUIRED);
    }

    TokenResponse refresh(RefreshRequest request, String address) {
        if (request == null || blank(request.refreshToken())) {
            throw IdentityException.badRequest("Send refreshToken.");
        }
        RefreshOutcome outcome = sessions.rotate(request.refreshToken());
        if (outcome.kind() == RefreshOutcome.Kind.REUSE_DETECTED) {
            Account account = directory.account(outcome.session().accountId()).orElse(null);
            audit.record(outcome.session().tenantId(), AuditKind.REFRESH_TOKEN_REUSED, outcome.session().accountId(),
                    account == null ? null : account.email(), address, Map.of("sessionId", outcome.session().id()),
                    outcome.session().accountId(), account == null ? "system" : account.role());
            throw IdentityException.unauthorized(
                    "This refresh token was already used; the session is ended for safety. Sign in again.");
        }
        if (outcome.kind() == RefreshOutcome.Kind.INVALID) {
            throw IdentityException.unauthorized("The refresh token is unknown, expired or revoked. Sign in again.");
        }
        Account account = directory.account(outcome.session().accountId()).filter(Account::active).orElse(null);
        if (account == null) {
            sessions.revoke(outcome.session().id(), "account deactivated");
            throw IdentityException.unauthorized("The refresh token is unknown, expired or revoked. Sign in again.");
        }
        return tokensFor(account, outcome);
    }

    /** Ends the session named by the refresh token or by the access token; 401 if neither is valid. */
    void logout(LogoutRequest request, Optional<String> bearer, String address) {
        Optional<String> sessionId = Optional.empty();
        if (request != null && !blank(request.refreshToken())) {
            sessionId = sessions.ofCurrentToken(request.refreshToken()).map(session -> session.id());
        }
        if (sessionId.isEmpty() && bearer.isPresent()) {
            tokens.verify(bearer.get());
            sessionId = tokens.sessionOf(bearer.get());
        }
        var session = sessionId.flatMap(sessions::session)
                .orElseThrow(() -> IdentityException.unauthorized("Send the refresh token or the access token of the session to end."));
        sessions.revoke(session.id(), "logout");
        Account account = directory.account(session.accountId()).orElse(null);
        audit.record(session.tenantId(), AuditKind.LOGGED_OUT, session.accountId(), account == null ? null : account.email(),
                address, Map.of("sessionId", session.id()), session.accountId(), account == null ? "system" : account.role());
    }

    private TokenResponse tokensFor(Account account, RefreshOutcome session) {
        return issuing.pair(account, session);
    }

    private void failed(Account account, String address, String reason) {
        Map<String, String> detail = new HashMap<>();
        detail.put("reason", reason);
        audit.record(account.tenantId(), AuditKind.LOGIN_FAILED, account.id(), account.email(), address, detail,
                account.id(), account.role());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** No second factor is configured: nobody is enrolled and no code is accepted. */
    private static final class NoSecondFactor implements SecondFactor {
        @Override
        public boolean isEnrolled(Account account) {
            return false;
        }

        @Override
        public Check verify(Account account, String code) {
            return Check.WRONG_CODE;
        }

        @Override
        public String enrolmentToken(Account account) {
            return null;
        }

        @Override
        public java.time.Duration enrolmentTokenTtl() {
            return java.time.Duration.ZERO;
        }
    }
}
