package org.autocrm.identity.onetime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.autocrm.identity.Secrets;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Single-use, expiring secrets of 256 random bits, stored as SHA-256 (they cannot be guessed, so a
 * fast hash suffices and lets us find them by hash). Spending one is one atomic update, so two
 * requests racing with the same token cannot both succeed. Blocking.
 */
@Component
public class OneTimeTokens {

    private final MongoTemplate mongo;
    private final Clock clock;

    OneTimeTokens(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        mongo.indexOps(OneTimeToken.class).ensureIndex(new Index().on("accountId", Sort.Direction.ASC)
                .on("purpose", Sort.Direction.ASC).named("account_purpose"));
        // spent and expired tokens are worthless: MongoDB deletes them a day after expiry
        mongo.indexOps(OneTimeToken.class).ensureIndex(new Index().on("expiresAt", Sort.Direction.ASC)
                .expire(Duration.ofDays(1)).named("expiry"));
    }

    /** A new token for the account; returns the plain secret, which is never stored. */
    public String issue(String tenantId, String accountId, Purpose purpose, Duration ttl) {
        String secret = Secrets.random(43);
        Instant now = clock.instant();
        mongo.insert(new OneTimeToken(Secrets.sha256(secret), purpose.name(), tenantId, accountId, now, now.plus(ttl),
                null));
        return secret;
    }

    /** Spends the token: the first call with a valid one gets it, every later call (or an expired token) nothing. */
    public Optional<OneTimeToken> spend(String secret, Purpose purpose) {
        if (secret == null || secret.isBlank() || secret.length() > 200) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return Optional.ofNullable(mongo.findAndModify(usable(secret, purpose, now), new Update().set("usedAt", now),
                FindAndModifyOptions.options().returnNew(true), OneTimeToken.class));
    }

    /** The token if it is still usable, without spending it (an enrolment takes two requests). */
    public Optional<OneTimeToken> peek(String secret, Purpose purpose) {
        if (secret == null || secret.isBlank() || secret.length() > 200) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findOne(usable(secret, purpose, clock.instant()), OneTimeToken.class));
    }

    /** Whether the account got a token of this purpose after {@code since} (to space out emails). */
    public boolean issuedSince(String accountId, Purpose purpose, Instant since) {
        return mongo.exists(Query.query(Criteria.where("accountId").is(accountId).and("purpose").is(purpose.name())
                .and("createdAt").gt(since)), OneTimeToken.class);
    }

    /** Spends every open token of this purpose: after a reset, older reset emails must not work. */
    public void spendAll(String accountId, Purpose purpose) {
        mongo.updateMulti(Query.query(Criteria.where("accountId").is(accountId).and("purpose").is(purpose.name())
                .and("usedAt").is(null)), new Update().set("usedAt", clock.instant()), OneTimeToken.class);
    }

    private static Query usable(String secret, Purpose purpose, Instant now) {
        return Query.query(Criteria.where("_id").is(Secrets.sha256(secret.trim())).and("purpose").is(purpose.name())
                .and("usedAt").is(null).and("expiresAt").gt(now));
    }
}
