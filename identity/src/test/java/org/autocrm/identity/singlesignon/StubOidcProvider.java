package org.autocrm.identity.singlesignon;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A tiny OpenID Connect provider on a free port, standing in for a tenant's Keycloak or Entra ID,
 * which cannot run here. It serves discovery, its key set, an authorization endpoint that sends
 * the browser straight back with a code, and a token endpoint that checks the client's secret and
 * the PKCE verifier before it signs an ID token with its RSA key. Tests bend it to misbehave.
 */
public final class StubOidcProvider implements AutoCloseable {

    public static final String CLIENT_ID = "autocrm-acme";
    public static final String CLIENT_SECRET = "s3cret:with&odd chars";
    public static final String SUBJECT = "f81d4fae-7dec-11d0-a765-00a0c91e6bf6";

    private record Authorization(String clientId, String redirectUri, String nonce, String codeChallenge) {
    }

    private static final Map<String, RSAKey> KEYS = new java.util.HashMap<>();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Authorization> codes = new ConcurrentHashMap<>();
    private final CountDownLatch released = new CountDownLatch(1);

    public final AtomicInteger discoveryRequests = new AtomicInteger();
    public final AtomicInteger keySetRequests = new AtomicInteger();
    public volatile String lastClientAuthentication;

    private volatile RSAKey signingKey;
    private volatile JWKSet publishedKeys;
    public volatile UnaryOperator<JWTClaimsSet.Builder> idTokenClaims = UnaryOperator.identity();
    public volatile UnaryOperator<String> idTokenAfterSigning = UnaryOperator.identity();
    public volatile String announcedIssuer;
    public volatile boolean tokenEndpointHangs;
    public volatile boolean discoveryFails;

    public StubOidcProvider() throws IOException, JOSEException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/jwks", this::keySet);
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
        rotateKey("key-1");
    }

    public URI issuer() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Signs from now on with another key, published alone under {@code keyId}. */
    public void rotateKey(String keyId) throws JOSEException {
        signingKey = keyPair(keyId);
        publishedKeys = new JWKSet(signingKey.toPublicJWK());
    }

    /** Signs with a key of the same id that the key set does not publish: a forger's token. */
    public void signWithUnpublishedKey() throws JOSEException {
        signingKey = new RSAKey.Builder(keyPair("forger")).keyID(signingKey.getKeyID()).build();
    }

    /** Key generation is slow on a busy machine, so every stub of this JVM shares its keys. */
    private static RSAKey keyPair(String name) throws JOSEException {
        synchronized (KEYS) {
            RSAKey key = KEYS.get(name);
            if (key == null) {
                key = new RSAKeyGenerator(2048).keyID(name).generate();
                KEYS.put(name, key);
            }
            return key;
        }
    }

    /**
     * What a browser does at the provider: follows the authorization redirect and comes back with
     * the callback's {@code code} and {@code state}.
     */
    public Map<String, String> authorize(URI authorizationRedirect) throws IOException {
        java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder()
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        try {
            java.net.http.HttpResponse<String> response = browser.send(
                    java.net.http.HttpRequest.newBuilder(authorizationRedirect).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 302) {
                throw new IllegalStateException("authorization refused: " + response.statusCode() + " " + response.body());
            }
            return query(URI.create(response.headers().firstValue("Location").orElseThrow()).getRawQuery());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException(interrupted);
        }
    }

    private void discovery(HttpExchange exchange) throws IOException {
        discoveryRequests.incrementAndGet();
        if (discoveryFails) {
            respond(exchange, 500, "{\"error\":\"server_error\"}");
            return;
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", announcedIssuer != null ? announcedIssuer : issuer().toString());
        document.put("authorization_endpoint", issuer() + "/authorize");
        document.put("token_endpoint", issuer() + "/token");
        document.put("jwks_uri", issuer() + "/jwks");
        document.put("response_types_supported", List.of("code"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        respond(exchange, 200, JSONObjectUtils.toJSONString(document));
    }

    private void keySet(HttpExchange exchange) throws IOException {
        keySetRequests.incrementAndGet();
        respond(exchange, 200, publishedKeys.toString());
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> params = query(exchange.getRequestURI().getRawQuery());
        if (!CLIENT_ID.equals(params.get("client_id")) || !"code".equals(params.get("response_type"))
                || !"S256".equals(params.get("code_challenge_method"))
                || !params.getOrDefault("scope", "").contains("openid")) {
            respond(exchange, 400, "bad authorization request " + params);
            return;
        }
        String code = "code-" + codes.size() + "-" + System.nanoTime();
        codes.put(code, new Authorization(params.get("client_id"), params.get("redirect_uri"), params.get("nonce"),
                params.get("code_challenge")));
        exchange.getResponseHeaders().add("Location", params.get("redirect_uri") + "?code=" + encode(code)
                + "&state=" + encode(params.get("state")));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        if (tokenEndpointHangs) {
            awaitRelease();
        }
        Map<String, String> form = query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String clientId;
        String secret;
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        if (basic != null && basic.startsWith("Basic ")) {
            String[] pair = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8).split(":", 2);
            clientId = URLDecoder.decode(pair[0], StandardCharsets.UTF_8);
            secret = URLDecoder.decode(pair[1], StandardCharsets.UTF_8);
            lastClientAuthentication = "client_secret_basic";
        } else {
            clientId = form.get("client_id");
            secret = form.get("client_secret");
            lastClientAuthentication = "client_secret_post";
        }
        if (!CLIENT_ID.equals(clientId) || !CLIENT_SECRET.equals(secret)) {
            respond(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        Authorization authorization = form.get("code") == null ? null : codes.remove(form.get("code"));
        if (authorization == null || !"authorization_code".equals(form.get("grant_type"))
                || !authorization.redirectUri().equals(form.get("redirect_uri"))
                || form.get("code_verifier") == null
                || !authorization.codeChallenge().equals(SsoLogin.codeChallenge(form.get("code_verifier")))) {
            respond(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"code unknown, used or not yours\"}");
            return;
        }
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer().toString())
                .subject(SUBJECT)
                .audience(CLIENT_ID)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", authorization.nonce())
                .claim("email", "dana@acme.example")
                .claim("email_verified", true)
                .claim("name", "Dana Scully")
                .claim("roles", List.of("support-staff"))
                .claim("groups", List.of("emea-tier-1"));
        String idToken = idTokenAfterSigning.apply(sign(idTokenClaims.apply(claims).build()));
        respond(exchange, 200, "{\"access_token\":\"at-1\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                + "\"id_token\":\"" + idToken + "\"}");
    }

    private String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException signingFailed) {
            throw new IllegalStateException(signingFailed);
        }
    }

    private void awaitRelease() {
        try {
            // held until the test ends: a provider that accepted the call and never answers
            released.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            params.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
