package org.autocrm.identity.singlesignon;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * {@link PendingLogins} in this JVM: for tests and a single-replica local run only, since a
 * callback reaching another replica would not find its sign-in.
 */
public final class InMemoryPendingLogins implements PendingLogins {

    private final Map<String, PendingLogin> byState = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryPendingLogins(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Mono<Void> store(PendingLogin login) {
        return Mono.fromRunnable(() -> {
            // anyone may start a sign-in, so abandoned ones must not pile up
            byState.values().removeIf(pending -> pending.expiresAt().isBefore(clock.instant()));
            byState.put(login.state(), login);
        });
    }

    @Override
    public Mono<PendingLogin> consume(String state) {
        return Mono.fromSupplier(() -> state == null ? null : byState.remove(state));
    }
}
