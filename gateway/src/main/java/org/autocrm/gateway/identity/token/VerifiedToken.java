package org.autocrm.gateway.identity.token;

import java.util.List;
import org.autocrm.gateway.identity.Role;

/**
 * What a valid access token says. {@code sessionId} is the gateway's own {@code sid} claim (absent in
 * API-key tokens); {@code scopes} only for API keys.
 */
public record VerifiedToken(String subject, String tenant, Role role, List<String> groups, List<String> scopes,
        String sessionId, String tokenId) {
}
