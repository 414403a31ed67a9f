package org.autocrm.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tokens checked against the key set of a stand-in for the gateway's JWKS endpoint, a real HTTP server. */
class GatewayKeySetTest {

    private final RSAKey rotated = TestTokens.unknownKey();
    private final AtomicReference<String> published = new AtomicReference<>(TestTokens.publicKeySet(TestTokens.KEY));
    private final AtomicInteger fetches = new AtomicInteger();
    private HttpServer gateway;
    private AccessTokenVerifier tokens;

    @BeforeEach
    void startGateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/.well-known/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] body = published.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        gateway.start();
        URI jwksUri = URI.create("http://127.0.0.1:" + gateway.getAddress().getPort() + "/.well-known/jwks.json");
        tokens = AccessTokenVerifier.create("autocrm-gateway", "autocrm", jwksUri, null);
    }

    @AfterEach
    void stopGateway() {
        gateway.stop(0);
    }

    @Test
    void readsTheKeysWhenTheFirstTokenArrivesAndThenKeepsThem() {
        assertThat(fetches).hasValue(0);

        tokens.verify(TestTokens.valid("acme", "maria", "agent"));
        tokens.verify(TestTokens.valid("acme", "maria", "agent"));

        assertThat(fetches).hasValue(1);
    }

    @Test
    void acceptsATokenOfARotatedKeyOnceTheGatewayPublishesIt() {
        tokens.verify(TestTokens.valid("acme", "maria", "agent"));
        published.set(TestTokens.publicKeySet(TestTokens.KEY, rotated));

        assertThat(tokens.verify(TestTokens.token("acme", "maria", "agent").signedWith(rotated).sign()).userId())
                .isEqualTo("maria");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void madeUpKeyIdsAreRefusedWithoutHammeringTheGateway() {
        tokens.verify(TestTokens.valid("acme", "maria", "agent"));

        for (int i = 0; i < 20; i++) {
            String forged = TestTokens.token("acme", "maria", "admin")
                    .signedWith(new RSAKey.Builder(rotated).keyID("made-up-" + i).build()).sign();
            assertThatThrownBy(() -> tokens.verify(forged)).isInstanceOf(InvalidAccessToken.class)
                    .hasMessageContaining("a key the gateway does not publish (kid made-up-" + i + ")");
        }
        assertThat(fetches.get()).isLessThanOrEqualTo(2);
    }

    @Test
    void keepsTheKeysItHasWhileTheGatewayIsDown() {
        tokens.verify(TestTokens.valid("acme", "maria", "agent"));
        gateway.stop(0);

        assertThat(tokens.verify(TestTokens.valid("acme", "maria", "agent")).userId()).isEqualTo("maria");
        assertThatThrownBy(() -> tokens.verify(TestTokens.token("acme", "maria", "admin").signedWith(rotated).sign()))
                .isInstanceOf(InvalidAccessToken.class).hasMessageContaining("does not publish");
    }

    @Test
    void saysTheKeysAreUnavailableWhileTheGatewayHasNeverAnswered() {
        gateway.stop(0);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> tokens.verify(TestTokens.valid("acme", "maria", "agent")))
                    .isInstanceOf(SigningKeysUnavailable.class).hasMessageContaining("/.well-known/jwks.json");
        }
    }
}
