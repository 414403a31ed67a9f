package org.autocrm.identity.clientcredentials;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** The token request's form parameters, for the API document only (the endpoint reads the form itself). */
@Schema(name = "ClientCredentialsRequest", description = "application/x-www-form-urlencoded parameters")
record ClientCredentialsRequest(
        @JsonProperty("grant_type") @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                allowableValues = ClientCredentialsGrant.GRANT_TYPE) String grantType,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The tenant the token is for") String tenant,
        @JsonProperty("client_id") @Schema(description = "Only when the client does not authenticate with HTTP Basic")
        String clientId,
        @JsonProperty("client_secret") @Schema(description = "Only when the client does not authenticate with HTTP Basic")
        String clientSecret) {
}
