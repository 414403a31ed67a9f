package org.autocrm.identity.clientcredentials;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The one OAuth 2 client the gateway knows: the AutoCRM component that acts on tickets by itself (routing-service),
 * signing in with the client-credentials grant at {@code POST /oauth2/token}.
 *
 * @param clientId     the client's id, also the {@code sub} of its tokens (default {@code routing-service})
 * @param clientSecret its secret; no default: without one every token request is refused as {@code invalid_client}
 */
@ConfigurationProperties("autocrm.identity.automation")
public record AutomationClientProperties(String clientId, String clientSecret) {

    public AutomationClientProperties {
        clientId = clientId == null || clientId.isBlank() ? "routing-service" : clientId;
        clientSecret = clientSecret == null || clientSecret.isBlank() ? null : clientSecret;
    }
}
