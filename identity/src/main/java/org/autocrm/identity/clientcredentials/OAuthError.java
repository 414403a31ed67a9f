package org.autocrm.identity.clientcredentials;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The error answer of the token endpoint, as RFC 6749 §5.2 has it (plain JSON, not a problem document: OAuth 2
 * clients read {@code error}).
 */
@Schema(name = "OAuthError", description = "An OAuth 2 token error (RFC 6749 §5.2)")
public record OAuthError(
        @Schema(allowableValues = {"invalid_request", "invalid_client", "invalid_grant", "unsupported_grant_type"})
        String error,
        @JsonProperty("error_description") @Schema(description = "What was wrong, in words a person can act on")
        String errorDescription) {
}
