package org.autocrm.deploy.contract;

import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.autocrm.deploy.contract.FuzzRequest.Role;

/**
 * The credentials of each fuzzed role: a signed-in account's access token, or the API key's secret. A request
 * that ends the session it is sent with ({@code POST /api/auth/logout}) is sent with a spare session of the same
 * account, signed in for that purpose, so the role keeps working; when the spares are used up it goes without.
 */
final class Callers {

    /** A header and its value. */
    record Credential(String header, String value) {
    }

    /** The gateway's rate-limit bucket of unauthenticated requests and public paths, one per client address. */
    static final String ANONYMOUS = "anonymous";

    private final Map<Role, Credential> credentials = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Role, Deque<String>> spareSessions = new EnumMap<>(Role.class);

    void put(Role role, Credential credential) {
        credentials.put(role, credential);
    }

    void addSpareSession(Role role, String accessToken) {
        spareSessions.computeIfAbsent(role, r -> new ConcurrentLinkedDeque<>()).add(accessToken);
    }

    Credential of(Role role) {
        return credentials.get(role);
    }

    /** The credential to send the request with; null for none. */
    Credential credentialFor(FuzzRequest request) {
        if (endsSession(request.operation()) && request.role() != Role.API_KEY) {
            Deque<String> spares = spareSessions.get(request.role());
            String spare = spares == null ? null : spares.poll();
            return spare == null ? null : new Credential("Authorization", "Bearer " + spare);
        }
        return credentials.get(request.role());
    }

    /** The rate-limit bucket a request counts against: its role's, or the address's for public paths. */
    String bucketOf(FuzzRequest request) {
        return isPublic(request.operation()) || credentialFor(request.operation(), request.role()) == null
                ? ANONYMOUS : request.role().name();
    }

    /** Paths the gateway lets through without authentication (so they count against the address). */
    static boolean isPublic(ApiDocument.Operation operation) {
        return operation.path().startsWith("/api/auth/") || operation.path().startsWith("/.well-known/")
                || operation.path().startsWith("/v3/api-docs") || operation.path().startsWith("/actuator")
                || operation.path().startsWith("/oauth2/");
    }

    private Credential credentialFor(ApiDocument.Operation operation, Role role) {
        if (endsSession(operation) && role != Role.API_KEY) {
            Deque<String> spares = spareSessions.get(role);
            return spares == null || spares.isEmpty() ? null : new Credential("Authorization", "spare");
        }
        return credentials.get(role);
    }

    static boolean endsSession(ApiDocument.Operation operation) {
        return operation.path().endsWith("/logout");
    }
}
