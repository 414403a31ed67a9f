package org.autocrm.identity.clientcredentials;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** The token endpoint's success answer (RFC 6749 §5.1). */
@Schema(name = "ClientCredentialsToken")
public record ClientToken(
        @JsonProperty("access_token") @Schema(description = "The access token (a JWT naming role automation)")
        String accessToken,
        @JsonProperty("token_type") @Schema(allowableValues = "Bearer") String tokenType,
        @JsonProperty("expires_in") @Schema(description = "Seconds the token is good for") long expiresIn) {
}
