package org.autocrm.query.tenancy;

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

/** Tokens checked against the key set the gateway publishes, here a real HTTP server standing in for it. */
class GatewayKeySetTest {

    private final RSAKey rotated = TestTokens.unknownKey();
    private final AtomicReference<String> published = new AtomicReference<>(TestTokens.publicKeySet(TestTokens.KEY));
    private final AtomicInteger reads = new AtomicInteger();
    private HttpServer gateway;
    private AccessTokens tokens;

    @BeforeEach
    void startGateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/.well-known/jwks.json", exchange -> {
            reads.incrementAndGet();
            byte[] keySet = published.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, keySet.length);
            exchange.getResponseBody().write(keySet);
            exchange.close();
        });
        gateway.start();
        tokens = new AccessTokens(new IdentityProperties("autocrm-gateway", "autocrm",
                URI.create("http://127.0.0.1:" + gateway.getAddress().getPort() + "/.well-known/jwks.json"), null, false));
    }

    @AfterEach
    void stopGateway() {
        gateway.stop(0);
    }

    @Test
    void aRotatedKeyIsReadOnceAndMadeUpKeyIdsDoNotMakeItReadAgain() {
        assertThat(tokens.verify(TestTokens.valid("acme", "ada", "admin")).role()).isEqualTo(Caller.Role.ADMIN);
        published.set(TestTokens.publicKeySet(TestTokens.KEY, rotated));

        assertThat(tokens.verify(TestTokens.token("acme", "ada", "admin").signedWith(rotated).sign()).userId())
                .isEqualTo("ada");
        for (int i = 0; i < 10; i++) {
            String madeUp = TestTokens.token("acme", "ada", "admin")
                    .signedWith(new RSAKey.Builder(rotated).keyID("made-up-" + i).build()).sign();
            assertThatThrownBy(() -> tokens.verify(madeUp)).isInstanceOf(InvalidToken.class)
                    .hasMessageContaining("does not publish (kid made-up-");
        }
        assertThat(reads).hasValue(2);
    }

    @Test
    void whileTheGatewayIsDownTheKeysReadBeforeStillCount() {
        tokens.verify(TestTokens.valid("acme", "ada", "admin"));
        gateway.stop(0);

        assertThat(tokens.verify(TestTokens.valid("acme", "sarah", "customer")).isCustomer()).isTrue();
        assertThatThrownBy(() -> tokens.verify(TestTokens.token("acme", "ada", "admin").signedWith(rotated).sign()))
                .isInstanceOf(InvalidToken.class);
    }

    @Test
    void withoutAnyKeysReadTokensCannotBeCheckedYet() {
        gateway.stop(0);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> tokens.verify(TestTokens.valid("acme", "ada", "admin")))
                    .isInstanceOf(SigningKeysUnavailable.class);
        }
    }
}
