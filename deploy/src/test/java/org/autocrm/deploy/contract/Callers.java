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

    private final Map<Role, Credential> credentials = new EnumMap<>(Role.class);
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

    static boolean endsSession(ApiDocument.Operation operation) {
        return operation.path().endsWith("/logout");
    }
}
