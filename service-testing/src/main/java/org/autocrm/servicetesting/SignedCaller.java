package org.autocrm.servicetesting;

import java.time.Instant;
import org.autocrm.access.Caller;
import org.autocrm.access.TestTokens;
import org.springframework.http.HttpHeaders;

/**
 * A caller and the access token that proves it, as the gateway would send it.
 *
 * @param caller who the service should see (compare with what it resolves)
 * @param token  the signed JWT
 */
public record SignedCaller(Caller caller, String token) {

    static SignedCaller sign(Caller caller) {
        return new SignedCaller(caller, claimsOf(caller).sign());
    }

    /** The claims of a token for {@code caller}, to change before {@link TestTokens.Token#sign() signing}. */
    public static TestTokens.Token claimsOf(Caller caller) {
        TestTokens.Token token = TestTokens.token(caller.tenantId(), caller.userId(), caller.role().value())
                .groups(caller.groups().stream().sorted().toArray(String[]::new));
        return caller.scopes().isEmpty() ? token
                : token.scope(String.join(" ", caller.scopes().stream().sorted().toList()));
    }

    /** The value of the {@code Authorization} header. */
    public String authorization() {
        return "Bearer " + token;
    }

    /** Request headers carrying the token. */
    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, authorization());
        return headers;
    }

    /** The same claims signed with a key the gateway does not publish: what a forger would send. */
    public SignedCaller forged() {
        return new SignedCaller(caller, claimsOf(caller).signedWith(TestTokens.unknownKey()).sign());
    }

    /** The same claims, expired a minute ago (beyond the verifier's clock skew). */
    public SignedCaller expired() {
        return new SignedCaller(caller, claimsOf(caller).expiresAt(Instant.now().minusSeconds(60)).sign());
    }
}
