package org.autocrm.identity.session;

import com.mongodb.client.result.UpdateResult;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.autocrm.identity.IdentityProperties;
import org.autocrm.identity.Secrets;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Sessions and their rotating refresh tokens ({@code <sessionId>.<secret>}). Blocking: call it
 * through {@code Blocking}.
 */
@Component
public class Sessions {

    private final MongoTemplate mongo;
    private final IdentityProperties properties;
    private final Clock clock;

    Sessions(MongoTemplate mongo, IdentityProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
        mongo.indexOps(Session.class).ensureIndex(new Index().on("accountId", Sort.Direction.ASC).named("account"));
    }

    /** A new session for the account; returns it with its first refresh token. */
    public RefreshOutcome start(String tenantId, String accountId) {
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        String secret = Secrets.random(43);
        Session session = new Session(id, tenantId, accountId, Secrets.sha256(secret), List.of(), now,
                now.plus(properties.refreshTokenTtl()), null, null);
        mongo.insert(session);
        return new RefreshOutcome(RefreshOutcome.Kind.ROTATED, session, id + "." + secret);
    }

    /** Exchanges a refresh token for the next one of its session; a rotated-out token revokes the session. */
    public RefreshOutcome rotate(String refreshToken) {
        Optional<String[]> parts = parse(refreshToken);
        if (parts.isEmpty()) {
            return RefreshOutcome.invalid();
        }
        Session session = mongo.findById(parts.get()[0], Session.class);
        if (session == null) {
            return RefreshOutcome.invalid();
        }
        String presented = Secrets.sha256(parts.get()[1]);
        Instant now = clock.instant();
        if (session.retiredHashes().stream().anyMatch(retired -> Secrets.sameHash(retired, presented))) {
            // a rotated-out token came back: someone holds a copy. Whoever it is, the family is dead.
            revoke(session.id(), "refresh token reused");
            return new RefreshOutcome(RefreshOutcome.Kind.REUSE_DETECTED, session, null);
        }
        if (!Secrets.sameHash(session.currentHash(), presented) || !session.isUsableAt(now)) {
            return RefreshOutcome.invalid();
        }
        String secret = Secrets.random(43);
        // only if nobody rotated it in between: two refreshes with one token make the second one a reuse
        UpdateResult result = mongo.updateFirst(
                Query.query(Criteria.where("_id").is(session.id()).and("currentHash").is(presented)),
                new Update().set("currentHash", Secrets.sha256(secret)).push("retiredHashes", presented)
                        .set("expiresAt", now.plus(properties.refreshTokenTtl())),
                Session.class);
        if (result.getModifiedCount() == 0) {
            revoke(session.id(), "refresh token reused");
            return new RefreshOutcome(RefreshOutcome.Kind.REUSE_DETECTED, session, null);
        }
        return new RefreshOutcome(RefreshOutcome.Kind.ROTATED, session, session.id() + "." + secret);
    }

    /** The session a refresh token belongs to, if the token is its current one. */
    public Optional<Session> ofCurrentToken(String refreshToken) {
        return parse(refreshToken)
                .map(parts -> mongo.findById(parts[0], Session.class))
                .filter(session -> Secrets.sameHash(session.currentHash(), Secrets.sha256(parse(refreshToken).get()[1])));
    }

    public Optional<Session> session(String id) {
        return Optional.ofNullable(id == null ? null : mongo.findById(id, Session.class));
    }

    public boolean isUsable(String id) {
        return session(id).map(session -> session.isUsableAt(clock.instant())).orElse(false);
    }

    public void revoke(String sessionId, String reason) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(sessionId).and("revokedAt").is(null)),
                new Update().set("revokedAt", clock.instant()).set("revokedReason", reason), Session.class);
    }

    /** Ends every session of an account (deactivation); its access tokens stop working at once. */
    public void revokeAllOf(String accountId, String reason) {
        mongo.updateMulti(Query.query(Criteria.where("accountId").is(accountId).and("revokedAt").is(null)),
                new Update().set("revokedAt", clock.instant()).set("revokedReason", reason), Session.class);
    }

    private static Optional<String[]> parse(String refreshToken) {
        if (refreshToken == null) {
            return Optional.empty();
        }
        String[] parts = refreshToken.trim().split("\\.", 2);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parts);
    }
}
