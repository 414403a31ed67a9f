package org.autocrm.identity.singlesignon;

import reactor.core.publisher.Mono;

/**
 * Where started sign-ins wait for their callback. Every gateway replica must see the same store
 * (the provider may send the browser back to another replica): production keeps it in MongoDB,
 * with a TTL index on {@code expiresAt} to clear abandoned sign-ins.
 */
public interface PendingLogins {

    Mono<Void> store(PendingLogin login);

    /**
     * Removes and returns the sign-in of this state, atomically (e.g. {@code findOneAndDelete}),
     * so a state works once even when two callbacks race. Empty when unknown or already consumed;
     * expiry is checked by the caller.
     */
    Mono<PendingLogin> consume(String state);
}
