package org.autocrm.identity.login;

/** The answer to a login or refresh; {@code expiresIn} is the access token's lifetime in seconds. */
public record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn) {
}
