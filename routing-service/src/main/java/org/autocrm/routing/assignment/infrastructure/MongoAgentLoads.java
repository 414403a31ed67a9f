package org.autocrm.routing.assignment.infrastructure;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.autocrm.routing.assignment.AgentLoads;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Loads in MongoDB. Adding a ticket is one update conditional on the ticket not being there yet (and, for a
 * reservation, on the count being under the cap), so concurrent picks never push an agent over their cap.
 */
@Repository
class MongoAgentLoads implements AgentLoads {

    private final MongoTemplate mongo;

    MongoAgentLoads(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Map<String, Integer> openTickets(String tenantId, Collection<String> agentIds) {
        Map<String, Integer> open = new HashMap<>();
        if (agentIds.isEmpty()) {
            return open;
        }
        mongo.find(Query.query(Criteria.where("_id").in(agentIds.stream().map(id -> Keys.of(tenantId, id)).toList())),
                LoadDocument.class).forEach(load -> open.put(load.agentId(), load.count()));
        return open;
    }

    @Override
    public boolean reserve(String tenantId, String agentId, String ticketId, Integer cap) {
        String id = ensureExists(tenantId, agentId);
        Criteria condition = Criteria.where("_id").is(id).and("tickets").ne(ticketId);
        if (cap != null) {
            condition = condition.and("count").lt(cap);
        }
        if (mongo.updateFirst(Query.query(condition), addOne(ticketId), LoadDocument.class).getModifiedCount() > 0) {
            return true;
        }
        return mongo.exists(Query.query(Criteria.where("_id").is(id).and("tickets").is(ticketId)), LoadDocument.class);
    }

    @Override
    public void add(String tenantId, String agentId, String ticketId) {
        String id = ensureExists(tenantId, agentId);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("tickets").ne(ticketId)), addOne(ticketId),
                LoadDocument.class);
    }

    @Override
    public void release(String tenantId, String agentId, String ticketId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(Keys.of(tenantId, agentId)).and("tickets").is(ticketId)),
                new Update().pull("tickets", ticketId).inc("count", -1), LoadDocument.class);
    }

    private static Update addOne(String ticketId) {
        return new Update().push("tickets", ticketId).inc("count", 1);
    }

    private String ensureExists(String tenantId, String agentId) {
        String id = Keys.of(tenantId, agentId);
        try {
            mongo.upsert(Query.query(Criteria.where("_id").is(id)), new Update().setOnInsert("tenantId", tenantId)
                    .setOnInsert("agentId", agentId).setOnInsert("tickets", java.util.List.of())
                    .setOnInsert("count", 0), LoadDocument.class);
        } catch (DuplicateKeyException e) {
            // created by a concurrent upsert: there it is
        }
        return id;
    }
}
