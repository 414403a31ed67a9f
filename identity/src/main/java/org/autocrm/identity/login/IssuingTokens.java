package org.autocrm.identity.login;

import java.util.Map;
import org.autocrm.identity.IdentityProperties;
import org.autocrm.identity.audit.AuditKind;
import org.autocrm.identity.audit.AuditLog;
import org.autocrm.identity.directory.Account;
import org.autocrm.identity.directory.Directory;
import org.autocrm.identity.session.RefreshOutcome;
import org.autocrm.identity.session.Sessions;
import org.autocrm.identity.token.AccessTokens;
import org.springframework.stereotype.Component;

/**
 * The end of every successful sign-in, whatever proved who the caller is (password, emailed link,
 * single sign-on): a new session, the token pair and the audit entry naming the method. Blocking.
 */
@Component
public class IssuingTokens {

    private final Directory directory;
    private final Sessions sessions;
    private final AccessTokens tokens;
    private final AuditLog audit;
    private final IdentityProperties properties;

    IssuingTokens(Directory directory, Sessions sessions, AccessTokens tokens, AuditLog audit,
            IdentityProperties properties) {
        this.directory = directory;
        this.sessions = sessions;
        this.tokens = tokens;
        this.audit = audit;
        this.properties = properties;
    }

    /** @param method {@code password}, {@code sign_in_link} or {@code sso}, recorded in the audit entry */
    public TokenResponse signIn(Account account, String address, String method) {
        directory.clearFailedLogins(account.id());
        RefreshOutcome session = sessions.start(account.tenantId(), account.id());
        audit.record(account.tenantId(), AuditKind.LOGIN_SUCCEEDED, account.id(), account.email(), address,
                Map.of("sessionId", session.session().id(), "method", method), account.id(), account.role());
        return pair(account, session);
    }

    TokenResponse pair(Account account, RefreshOutcome session) {
        return new TokenResponse(tokens.forAccount(account, session.session().id()), session.refreshToken(), "Bearer",
                properties.accessTokenTtl().toSeconds());
    }
}
