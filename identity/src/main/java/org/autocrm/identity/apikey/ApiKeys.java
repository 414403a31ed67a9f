package org.autocrm.identity.apikey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.autocrm.identity.Secrets;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * API keys: {@code acrm_<id>_<secret>}. The id finds the stored key, the secret's hash proves it.
 * Blocking: call it through {@code Blocking}.
 */
@Component
public class ApiKeys {

    static final String PREFIX = "acrm_";

    /** The last-used time is written at most this often per key and replica; a busy key would otherwise write per request. */
    private static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Map<String, Instant> lastUseWritten = new ConcurrentHashMap<>();

    ApiKeys(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        mongo.indexOps(ApiKey.class).ensureIndex(new Index().on("tenantId", Sort.Direction.ASC).named("tenant"));
    }

    /** A new key and its full text, which is never stored and cannot be shown again. */
    public record Created(ApiKey key, String plaintext) {
    }

    public Created create(String tenantId, String name, List<String> scopes, Instant expiresAt, String createdBy) {
        String id = Secrets.random(16);
        String secret = Secrets.random(40);
        ApiKey key = new ApiKey(id, tenantId, name, scopes, Secrets.sha256(secret), createdBy, clock.instant(), expiresAt,
                null, null);
        mongo.insert(key);
        return new Created(key, PREFIX + id + "_" + secret);
    }

    public List<ApiKey> list(String tenantId) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(tenantId)).with(Sort.by("createdAt")), ApiKey.class);
    }

    public Optional<ApiKey> key(String tenantId, String id) {
        return Optional.ofNullable(mongo.findById(id, ApiKey.class)).filter(key -> key.tenantId().equals(tenantId));
    }

    /** Revokes the key; false if it was already revoked. */
    public boolean revoke(String id) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("revokedAt").is(null)),
                new Update().set("revokedAt", clock.instant()), ApiKey.class).getModifiedCount() > 0;
    }

    /** The key this text names, if the secret is right and the key neither expired nor revoked. */
    public Optional<ApiKey> authenticate(String plaintext) {
        if (plaintext == null || !plaintext.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = plaintext.substring(PREFIX.length()).split("_", 2);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return Optional.ofNullable(mongo.findById(parts[0], ApiKey.class))
                .filter(key -> Secrets.sameHash(key.secretHash(), Secrets.sha256(parts[1])))
                .filter(key -> key.isUsableAt(now));
    }

    /** Whether a key (named by a token the gateway minted) may still be used. */
    public boolean isUsable(String id) {
        return Optional.ofNullable(mongo.findById(id, ApiKey.class)).map(key -> key.isUsableAt(clock.instant())).orElse(false);
    }

    public void recordUse(ApiKey key) {
        Instant now = clock.instant();
        Instant written = lastUseWritten.get(key.id());
        if (written != null && written.plus(LAST_USE_PRECISION).isAfter(now)) {
            return;
        }
        lastUseWritten.put(key.id(), now);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(key.id())), new Update().set("lastUsedAt", now), ApiKey.class);
    }
}
