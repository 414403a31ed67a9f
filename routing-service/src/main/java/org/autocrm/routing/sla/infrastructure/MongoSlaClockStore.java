package org.autocrm.routing.sla.infrastructure;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.autocrm.routing.sla.tracking.SlaClockRecord;
import org.autocrm.routing.sla.tracking.SlaClockStore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The SLA clocks in MongoDB ({@code sla_clocks}), one document per ticket, unique by tenant and ticket. Every write
 * is conditional on the version read, and the timer poller's lease is taken by one findAndModify: of two replicas
 * polling at once, one gets a due clock and the other the next one (or none).
 */
@Repository
class MongoSlaClockStore implements SlaClockStore {

    static final String COLLECTION = "sla_clocks";

    private final MongoTemplate mongo;

    MongoSlaClockStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).ensureIndex(new Index().on("tenantId", Sort.Direction.ASC)
                .on("ticketId", Sort.Direction.ASC).unique().named("tenant_ticket"));
        mongo.indexOps(COLLECTION).ensureIndex(new Index().on("nextWakeAt", Sort.Direction.ASC).named("next_wake"));
    }

    @Override
    public Optional<SlaClockRecord> find(String tenantId, String ticketId) {
        return Optional.ofNullable(mongo.findOne(byTicket(tenantId, ticketId), SlaClockRecord.class, COLLECTION));
    }

    @Override
    public boolean insert(SlaClockRecord clock) {
        try {
            mongo.insert(clock, COLLECTION);
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }

    @Override
    public boolean replace(SlaClockRecord clock, long expectedVersion) {
        Query current = byTicket(clock.tenantId(), clock.ticketId())
                .addCriteria(Criteria.where("version").is(expectedVersion));
        return mongo.findAndReplace(current, clock, COLLECTION) != null;
    }

    @Override
    public Optional<SlaClockRecord> claimDue(Instant now, Instant leaseUntil, String owner) {
        Query due = new Query(new Criteria().andOperator(Criteria.where("nextWakeAt").lte(now), leaseFree(now)))
                .with(Sort.by("nextWakeAt"));
        return Optional.ofNullable(mongo.findAndModify(due, lease(leaseUntil, owner),
                FindAndModifyOptions.options().returnNew(true), SlaClockRecord.class, COLLECTION));
    }

    @Override
    public Optional<SlaClockRecord> claim(String tenantId, String ticketId, Instant now, Instant leaseUntil,
                                          String owner) {
        Query free = byTicket(tenantId, ticketId).addCriteria(leaseFree(now));
        return Optional.ofNullable(mongo.findAndModify(free, lease(leaseUntil, owner),
                FindAndModifyOptions.options().returnNew(true), SlaClockRecord.class, COLLECTION));
    }

    @Override
    public List<String> openTickets(String tenantId) {
        Query open = Query.query(Criteria.where("tenantId").is(tenantId).and("state.status").ne("CLOSED"));
        open.fields().include("ticketId");
        return mongo.find(open, org.bson.Document.class, COLLECTION).stream()
                .map(document -> document.getString("ticketId")).toList();
    }

    private static Criteria leaseFree(Instant now) {
        return new Criteria().orOperator(Criteria.where("leaseUntil").is(null), Criteria.where("leaseUntil").lt(now));
    }

    private static Update lease(Instant leaseUntil, String owner) {
        return new Update().set("leaseUntil", leaseUntil).set("leaseOwner", owner).inc("version", 1);
    }

    private static Query byTicket(String tenantId, String ticketId) {
        return Query.query(Criteria.where("tenantId").is(tenantId).and("ticketId").is(ticketId));
    }
}
