package org.autocrm.identity.singlesignon;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A started single sign-on waiting for its callback, keyed by its state. */
@Document("identity_sso_pending")
record PendingSsoLogin(@Id String state, String tenantId, String nonce, String codeVerifier, Instant expiresAt) {

    static PendingSsoLogin of(PendingLogin login) {
        return new PendingSsoLogin(login.state(), login.tenantId(), login.nonce(), login.codeVerifier(), login.expiresAt());
    }

    PendingLogin toPendingLogin() {
        return new PendingLogin(state, tenantId, nonce, codeVerifier, expiresAt);
    }

    @Override
    public String toString() {
        return "PendingSsoLogin[state=" + state + ", tenantId=" + tenantId + "]";
    }
}
