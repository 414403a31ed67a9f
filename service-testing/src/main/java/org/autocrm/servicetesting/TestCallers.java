package org.autocrm.servicetesting;

import java.util.Set;
import java.util.UUID;
import org.autocrm.access.Caller;
import org.autocrm.access.Role;
import org.autocrm.access.TestTokens;

/**
 * Signed-in callers of one tenant, each with an access token signed as the gateway signs it (with the test key
 * of service-access's {@link TestTokens}). A service under test trusts that key when its test class carries
 * {@link AcceptsTestTokens} (or sets {@value #KEY_SET_PROPERTY} to {@link #keySet()} itself).
 *
 * <pre>{@code
 * TestCallers callers = TestCallers.inNewTenant();
 * http.exchange("/api/routing/rules", GET, new HttpEntity<>(callers.agent("tier-1").headers()), JsonNode.class);
 * }</pre>
 */
public final class TestCallers {

    /** The property that gives a service the gateway's public keys inline. */
    public static final String KEY_SET_PROPERTY = "autocrm.identity.jwks";

    private final String tenant;

    private TestCallers(String tenant) {
        this.tenant = tenant;
    }

    /** Callers of a tenant no other test uses, so tests need not clean up after each other. */
    public static TestCallers inNewTenant() {
        return new TestCallers("tenant-" + UUID.randomUUID().toString().substring(0, 8));
    }

    public static TestCallers inTenant(String tenant) {
        return new TestCallers(tenant);
    }

    /** The JSON of the JWK set publishing the test key: the value of {@value #KEY_SET_PROPERTY}. */
    public static String keySet() {
        return TestTokens.publicKeySet(TestTokens.KEY);
    }

    public String tenant() {
        return tenant;
    }

    /** Admin {@code admin}. */
    public SignedCaller admin() {
        return SignedCaller.sign(new Caller(tenant, "admin", Role.ADMIN));
    }

    /** Team lead {@code lead}, leading these groups. */
    public SignedCaller teamLead(String... groups) {
        return SignedCaller.sign(new Caller(tenant, "lead", Role.TEAM_LEAD, Set.of(groups), Set.of()));
    }

    /** Agent {@code agent}, member of these groups. */
    public SignedCaller agent(String... groups) {
        return agentNamed("agent", groups);
    }

    /** Another agent, for tests that need two. */
    public SignedCaller agentNamed(String userId, String... groups) {
        return SignedCaller.sign(new Caller(tenant, userId, Role.AGENT, Set.of(groups), Set.of()));
    }

    /** A customer signed in to the portal; the subject is the customer id. */
    public SignedCaller customer(String customerId) {
        return SignedCaller.sign(new Caller(tenant, customerId, Role.CUSTOMER));
    }

    /**
     * The automation {@code routing-service} (role {@code automation}) as the gateway signs it after a client
     * credentials grant: no groups, no scopes (each service decides what an automation may do).
     */
    public SignedCaller automation() {
        return SignedCaller.sign(new Caller(tenant, "routing-service", Role.AUTOMATION));
    }

    /** An API key {@code key-test} holding these scopes (none: it may call nothing). */
    public SignedCaller apiKey(String... scopes) {
        return SignedCaller.sign(new Caller(tenant, "key-test", Role.API_KEY, Set.of(), Set.of(scopes)));
    }
}
