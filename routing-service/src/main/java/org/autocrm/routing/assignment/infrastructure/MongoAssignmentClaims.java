package org.autocrm.routing.assignment.infrastructure;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.autocrm.routing.assignment.AssignmentClaims;
import org.autocrm.routing.assignment.Claim;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Claims in MongoDB: creating one is an insert on a unique id (tenant and event), taking one over a findAndModify
 * conditional on its state and lease, so of any number of replicas exactly one holds a claim at a time.
 */
@Repository
class MongoAssignmentClaims implements AssignmentClaims {

    private static final List<Claim.State> IN_HAND = List.of(Claim.State.PICKING, Claim.State.CHOSEN);

    private final MongoTemplate mongo;

    MongoAssignmentClaims(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<Claim> begin(String tenantId, String eventId, String ticketId, String groupId, Instant now,
            Instant leaseUntil) {
        ClaimDocument fresh = new ClaimDocument(Keys.of(tenantId, eventId), tenantId, eventId, ticketId, groupId,
                Claim.State.PICKING, null, null, leaseUntil, now);
        try {
            mongo.insert(fresh);
            return Optional.of(fresh.toClaim());
        } catch (DuplicateKeyException e) {
            return takeOverExpired(fresh.id(), now, leaseUntil);
        }
    }

    @Override
    public Optional<Claim> takeWaiting(String tenantId, String eventId, Instant now, Instant leaseUntil) {
        String id = Keys.of(tenantId, eventId);
        ClaimDocument taken = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(id).and("state").is(Claim.State.WAITING)),
                new Update().set("state", Claim.State.PICKING).set("leaseUntil", leaseUntil),
                FindAndModifyOptions.options().returnNew(true), ClaimDocument.class);
        return taken != null ? Optional.of(taken.toClaim()) : takeOverExpired(id, now, leaseUntil);
    }

    private Optional<Claim> takeOverExpired(String id, Instant now, Instant leaseUntil) {
        ClaimDocument taken = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(id).and("state").in(IN_HAND).and("leaseUntil").lt(now)),
                new Update().set("leaseUntil", leaseUntil), FindAndModifyOptions.options().returnNew(true),
                ClaimDocument.class);
        return Optional.ofNullable(taken).map(ClaimDocument::toClaim);
    }

    @Override
    public void chosen(String tenantId, String eventId, String agentId, String reason) {
        mongo.updateFirst(byId(tenantId, eventId), new Update().set("state", Claim.State.CHOSEN)
                .set("agentId", agentId).set("reason", reason), ClaimDocument.class);
    }

    @Override
    public void moveTo(String tenantId, String eventId, Claim.State state) {
        mongo.updateFirst(byId(tenantId, eventId), new Update().set("state", state), ClaimDocument.class);
    }

    @Override
    public void releaseLease(String tenantId, String eventId) {
        mongo.updateFirst(byId(tenantId, eventId), new Update().set("leaseUntil", Instant.EPOCH), ClaimDocument.class);
    }

    private static Query byId(String tenantId, String eventId) {
        return Query.query(Criteria.where("_id").is(Keys.of(tenantId, eventId)));
    }
}
