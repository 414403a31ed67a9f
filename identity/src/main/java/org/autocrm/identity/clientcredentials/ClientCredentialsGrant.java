package org.autocrm.identity.clientcredentials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.autocrm.identity.AddressThrottle;
import org.autocrm.identity.IdentityException;
import org.autocrm.identity.IdentityProperties;
import org.autocrm.identity.audit.AuditKind;
import org.autocrm.identity.audit.AuditLog;
import org.autocrm.identity.directory.Directory;
import org.autocrm.identity.token.AccessTokens;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The OAuth 2 client-credentials grant (RFC 6749 §4.4) for the one automation client: it proves itself with its id
 * and secret and gets a 5-minute token naming role {@code automation} for the tenant it asks for. Wrong credentials
 * count against the client address like failed sign-ins (a throttle of its own, with the sign-in limits), so a
 * misbehaving client locks out neither people signing in nor itself for longer than the window. Blocking.
 */
@Component
class ClientCredentialsGrant {

    static final String GRANT_TYPE = "client_credentials";

    /** The client's credentials as presented, by HTTP Basic or in the form. */
    record PresentedClient(String clientId, String clientSecret) {
    }

    private final AutomationClientProperties client;
    private final Directory directory;
    private final AccessTokens tokens;
    private final AddressThrottle throttle;
    private final AuditLog audit;

    ClientCredentialsGrant(AutomationClientProperties client, Directory directory, AccessTokens tokens,
            IdentityProperties identity, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.client = client;
        this.directory = directory;
        this.tokens = tokens;
        this.throttle = new AddressThrottle(identity.addressThrottle(), clock);
    }

    /**
     * @param basic the credentials of an {@code Authorization: Basic} header, if the request had one
     * @param form  the form parameters, each with every value it was sent with
     */
    ClientToken issue(Optional<PresentedClient> basic, Map<String, List<String>> form, String address) {
        Optional<Duration> throttled = throttle.blockedFor(address);
        if (throttled.isPresent()) {
            throw new IdentityException(HttpStatus.TOO_MANY_REQUESTS,
                    "Too many failed client authentications from this address; try again later.")
                    .retryAfter(throttled.get());
        }
        form.forEach((name, values) -> {
            if (values.size() > 1) {
                throw TokenRequestRefused.invalidRequest("The parameter " + name + " is sent more than once.");
            }
        });
        authenticate(basic, form, address);
        String grantType = single(form, "grant_type");
        if (grantType == null) {
            throw TokenRequestRefused.invalidRequest("Send grant_type=client_credentials.");
        }
        if (!GRANT_TYPE.equals(grantType)) {
            throw new TokenRequestRefused(TokenRequestRefused.UNSUPPORTED_GRANT_TYPE,
                    "Only grant_type=client_credentials is supported here.");
        }
        String tenant = single(form, "tenant");
        if (tenant == null) {
            throw TokenRequestRefused.invalidRequest("Send tenant=<the tenant id> the token is for.");
        }
        if (directory.tenant(tenant).isEmpty()) {
            throw new TokenRequestRefused(TokenRequestRefused.INVALID_GRANT, "There is no tenant " + printable(tenant) + ".");
        }
        return new ClientToken(tokens.forAutomation(tenant, client.clientId()), "Bearer",
                AccessTokens.AUTOMATION_TOKEN_TTL.toSeconds());
    }

    private void authenticate(Optional<PresentedClient> basic, Map<String, List<String>> form, String address) {
        String formId = single(form, "client_id");
        String formSecret = single(form, "client_secret");
        if (basic.isPresent() && formSecret != null) {
            throw TokenRequestRefused.invalidRequest(
                    "Authenticate the client one way only: HTTP Basic or client_id and client_secret in the form.");
        }
        PresentedClient presented = basic.orElseGet(() -> new PresentedClient(formId, formSecret));
        if (presented.clientId() == null || presented.clientSecret() == null) {
            throw new TokenRequestRefused(TokenRequestRefused.INVALID_CLIENT,
                    "Authenticate the client: HTTP Basic client_id:client_secret (or client_id and client_secret in "
                            + "the form).");
        }
        boolean sameIdInForm = formId == null || formId.equals(presented.clientId());
        // both compared in constant time, and both always: how long it takes says nothing about which was wrong
        boolean idRight = sameSecret(presented.clientId(), client.clientId());
        boolean secretRight = client.clientSecret() != null && sameSecret(presented.clientSecret(), client.clientSecret());
        if (!(idRight & secretRight & sameIdInForm)) {
            throttle.failed(address);
            String tenant = single(form, "tenant");
            if (tenant != null && directory.tenant(tenant).isPresent()) {
                // a security event of the tenant the token was asked for (a request naming no known tenant has none)
                audit.record(tenant, AuditKind.CLIENT_AUTHENTICATION_FAILED, null, null, address,
                        Map.of("clientId", printable(presented.clientId())), "anonymous", "system");
            }
            throw new TokenRequestRefused(TokenRequestRefused.INVALID_CLIENT,
                    "The client is unknown or its secret is wrong.");
        }
    }

    /** Compares digests, so neither the content nor the length of the secret shows in the time taken. */
    private static boolean sameSecret(String presented, String expected) {
        return MessageDigest.isEqual(sha256(presented), sha256(expected));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String single(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() || values.get(0) == null || values.get(0).isBlank() ? null : values.get(0);
    }

    /** The tenant as sent, without control characters and not endlessly long, for the error description. */
    private static String printable(String value) {
        String cleaned = value.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return cleaned.length() > 100 ? cleaned.substring(0, 100) + "…" : cleaned;
    }
}
