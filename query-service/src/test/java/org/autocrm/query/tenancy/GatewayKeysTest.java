package org.autocrm.query.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The key set is read from a stand-in for the gateway's JWKS endpoint, a real HTTP server. */
class GatewayKeysTest {

    private final RSAKey first = TestTokens.KEY;
    private final RSAKey rotated = TestTokens.unknownKey();
    private final AtomicReference<String> published = new AtomicReference<>(TestTokens.publicKeySet(first));
    private final AtomicInteger fetches = new AtomicInteger();
    private HttpServer gateway;
    private URI jwksUri;

    @BeforeEach
    void startGateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/.well-known/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] body = published.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        gateway.start();
        jwksUri = URI.create("http://127.0.0.1:" + gateway.getAddress().getPort() + "/.well-known/jwks.json");
    }

    @AfterEach
    void stopGateway() {
        gateway.stop(0);
    }

    @Test
    void readsTheKeysOnlyWhenTheFirstTokenArrivesAndThenKeepsThem() {
        GatewayKeys keys = GatewayKeys.remote(jwksUri, Duration.ofMinutes(10), Duration.ZERO, Clock.systemUTC());
        assertThat(fetches).hasValue(0);

        assertThat(keys.find(first.getKeyID())).isPresent();
        assertThat(keys.find(first.getKeyID())).isPresent();
        assertThat(fetches).hasValue(1);
    }

    @Test
    void fetchesAgainWhenATokenNamesAKeyNotSeenYet() {
        GatewayKeys keys = GatewayKeys.remote(jwksUri, Duration.ofMinutes(10), Duration.ZERO, Clock.systemUTC());
        keys.find(first.getKeyID());

        published.set(TestTokens.publicKeySet(first, rotated));

        assertThat(keys.find(rotated.getKeyID())).isPresent();
        assertThat(fetches).hasValue(2);
    }

    @Test
    void madeUpKeyIdsDoNotMakeItFetchOverAndOver() {
        GatewayKeys keys = GatewayKeys.remote(jwksUri, Duration.ofMinutes(10), Duration.ofMinutes(1),
                Clock.systemUTC());
        keys.find(first.getKeyID());

        for (int i = 0; i < 5; i++) {
            assertThat(keys.find("made-up-" + i)).isEmpty();
        }
        assertThat(fetches).hasValue(1);
    }

    @Test
    void saysTheKeysAreUnavailableWhenTheGatewayCannotBeReached() {
        gateway.stop(0);
        GatewayKeys keys = GatewayKeys.remote(jwksUri, Duration.ofMinutes(10), Duration.ZERO, Clock.systemUTC());

        assertThatThrownBy(() -> keys.find(first.getKeyID())).isInstanceOf(SigningKeysUnavailable.class);
    }
}
