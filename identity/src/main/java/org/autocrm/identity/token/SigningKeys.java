package org.autocrm.identity.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The gateway's RSA 2048 signing keys, kept in MongoDB so every replica signs with the same key and a
 * restart keeps issued tokens valid. The newest key signs; every stored key stays in the JWKS (a
 * rotation adds a key; removing an old one is for after its tokens have expired).
 */
@Component
public class SigningKeys {

    private static final String FIRST_KEY = "autocrm-1";

    private final MongoTemplate mongo;
    private final Map<String, RSAKey> byKid = new ConcurrentHashMap<>();
    private volatile RSAKey current;

    SigningKeys(MongoTemplate mongo) {
        this.mongo = mongo;
        load();
        if (current == null) {
            createFirstKey();
            load();
        }
    }

    RSAKey current() {
        return current;
    }

    /**
     * The public keys as the service kit's verifier reads them: read again from the store once for a kid
     * this replica has not seen (a rotation by another replica).
     */
    public JWKSource<SecurityContext> verificationKeys() {
        return (selector, context) -> {
            List<JWK> found = selector.select(publicSet());
            if (found.isEmpty()) {
                load();
                found = selector.select(publicSet());
            }
            return found;
        };
    }

    private JWKSet publicSet() {
        return new JWKSet(byKid.values().stream().map(key -> (JWK) key.toPublicJWK()).toList());
    }

    /** The public keys, for {@code /.well-known/jwks.json}. */
    public Map<String, Object> publicJwks() {
        return publicSet().toJSONObject(true);
    }

    private void createFirstKey() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(FIRST_KEY).keyUse(KeyUse.SIGNATURE)
                    .algorithm(com.nimbusds.jose.JWSAlgorithm.RS256).generate();
            mongo.insert(new SigningKey(FIRST_KEY, key.toJSONString(), Instant.now()));
        } catch (DuplicateKeyException anotherReplicaWasFaster) {
            // its key is as good as ours; load() picks it up
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the RSA signing key", e);
        }
    }

    private synchronized void load() {
        RSAKey newest = null;
        for (SigningKey stored : mongo.find(new Query().with(Sort.by("createdAt")), SigningKey.class)) {
            try {
                RSAKey key = RSAKey.parse(stored.jwk());
                byKid.put(stored.kid(), key);
                newest = key;
            } catch (ParseException e) {
                throw new IllegalStateException("stored signing key " + stored.kid() + " is not a JWK", e);
            }
        }
        if (newest != null) {
            current = newest;
        }
    }

    /** For a rotation by an operator: adds a new key that signs from now on. */
    public String rotate() {
        String kid = "autocrm-" + UUID.randomUUID();
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE)
                    .algorithm(com.nimbusds.jose.JWSAlgorithm.RS256).generate();
            mongo.insert(new SigningKey(kid, key.toJSONString(), Instant.now()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the RSA signing key", e);
        }
        load();
        return kid;
    }
}
