package org.autocrm.identity.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Records security events in MongoDB; {@link AuditPublisher} puts them on Kafka afterwards. Blocking. */
@Component
public class AuditLog {

    private static final String SEQUENCES = "identity_audit_sequences";
    private static final String PUBLISHER_LEASE = "identity_audit_publisher";

    private final MongoTemplate mongo;
    private final Clock clock;

    AuditLog(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        mongo.indexOps(AuditEntry.class).ensureIndex(new Index().on("tenantId", Sort.Direction.ASC)
                .on("at", Sort.Direction.DESC).named("tenant_time"));
        mongo.indexOps(AuditEntry.class).ensureIndex(new Index().on("publishedAt", Sort.Direction.ASC).named("unpublished"));
    }

    /**
     * Who did what.
     *
     * @param userId    the account the event is about (the one logging in, the one deactivated), or null
     * @param actorId   who caused it ({@code anonymous} for a login attempt on no known account)
     * @param actorRole admin, team_lead, agent, customer, api_key or system
     */
    public AuditEntry record(String tenantId, AuditKind kind, String userId, String email, String clientAddress,
            Map<String, String> detail, String actorId, String actorRole) {
        AuditEntry entry = new AuditEntry(UUID.randomUUID().toString(), tenantId, nextSequence(tenantId),
                kind.wireName(), userId, email, clientAddress, detail, actorId, actorRole, clock.instant(), null);
        mongo.insert(entry);
        return entry;
    }

    public List<AuditEntry> find(String tenantId, String kind, String userId, Instant from, Instant to, int page, int size) {
        return mongo.find(query(tenantId, kind, userId, from, to)
                .with(Sort.by(Sort.Direction.DESC, "at").and(Sort.by(Sort.Direction.DESC, "sequence")))
                .skip((long) page * size).limit(size), AuditEntry.class);
    }

    public long count(String tenantId, String kind, String userId, Instant from, Instant to) {
        return mongo.count(query(tenantId, kind, userId, from, to), AuditEntry.class);
    }

    List<AuditEntry> unpublished(int limit) {
        return mongo.find(Query.query(Criteria.where("publishedAt").is(null))
                .with(Sort.by("tenantId", "sequence")).limit(limit), AuditEntry.class);
    }

    void markPublished(String id) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("publishedAt", clock.instant()),
                AuditEntry.class);
    }

    /**
     * Takes or renews the publisher lease: only one gateway replica publishes at a time, so replicas do
     * not race each other into duplicates. A replica that stops renewing loses it after {@code length}.
     */
    boolean leasePublishing(String owner, java.time.Duration length) {
        Instant now = clock.instant();
        Query mineOrExpired = Query.query(Criteria.where("_id").is("lease")
                .orOperator(Criteria.where("owner").is(owner), Criteria.where("expiresAt").lt(now)));
        try {
            return mongo.findAndModify(mineOrExpired, new Update().set("owner", owner).set("expiresAt", now.plus(length)),
                    FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, PUBLISHER_LEASE) != null;
        } catch (org.springframework.dao.DuplicateKeyException heldByAnother) {
            return false;
        }
    }

    private static Query query(String tenantId, String kind, String userId, Instant from, Instant to) {
        Criteria criteria = Criteria.where("tenantId").is(tenantId);
        if (kind != null) {
            criteria = criteria.and("kind").is(kind);
        }
        if (userId != null) {
            criteria = criteria.and("userId").is(userId);
        }
        if (from != null && to != null) {
            criteria = criteria.and("at").gte(from).lt(to);
        } else if (from != null) {
            criteria = criteria.and("at").gte(from);
        } else if (to != null) {
            criteria = criteria.and("at").lt(to);
        }
        return Query.query(criteria);
    }

    private long nextSequence(String tenantId) {
        Document counter = mongo.findAndModify(Query.query(Criteria.where("_id").is(tenantId)),
                new Update().inc("next", 1L), FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class, SEQUENCES);
        return ((Number) counter.get("next")).longValue() - 1;
    }
}
