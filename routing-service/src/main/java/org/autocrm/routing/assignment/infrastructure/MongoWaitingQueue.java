package org.autocrm.routing.assignment.infrastructure;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.autocrm.routing.assignment.QueuedTicket;
import org.autocrm.routing.assignment.WaitingQueue;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Groups' queues in MongoDB, one document per waiting ticket. */
@Repository
class MongoWaitingQueue implements WaitingQueue {

    private final MongoTemplate mongo;

    MongoWaitingQueue(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(WaitingDocument.class).ensureIndex(new Index().on("tenantId", Sort.Direction.ASC)
                .on("groupId", Sort.Direction.ASC).named("tenant_group"));
    }

    @Override
    public void enqueue(QueuedTicket ticket) {
        mongo.save(WaitingDocument.of(ticket));
    }

    @Override
    public void remove(String tenantId, String ticketId) {
        mongo.remove(Query.query(Criteria.where("_id").is(Keys.of(tenantId, ticketId))), WaitingDocument.class);
    }

    @Override
    public List<QueuedTicket> waitingIn(String tenantId, String groupId) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(tenantId).and("groupId").is(groupId)),
                WaitingDocument.class).stream().map(WaitingDocument::toTicket).toList();
    }

    @Override
    public List<GroupKey> groupsWithWaitingTickets() {
        Query groupsOnly = new Query();
        groupsOnly.fields().include("tenantId").include("groupId");
        Set<GroupKey> groups = new LinkedHashSet<>();
        mongo.find(groupsOnly, org.bson.Document.class, WaitingDocument.COLLECTION)
                .forEach(doc -> groups.add(new GroupKey(doc.getString("tenantId"), doc.getString("groupId"))));
        return List.copyOf(groups);
    }
}
