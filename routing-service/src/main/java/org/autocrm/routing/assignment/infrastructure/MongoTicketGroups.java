package org.autocrm.routing.assignment.infrastructure;

import java.util.Optional;
import org.autocrm.routing.assignment.TicketGroups;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The group each ticket was last in ({@code assignment_tickets}), one small document per ticket. */
@Repository
class MongoTicketGroups implements TicketGroups {

    static final String COLLECTION = "assignment_tickets";

    private final MongoTemplate mongo;

    MongoTicketGroups(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void remember(String tenantId, String ticketId, String groupId) {
        mongo.upsert(Query.query(Criteria.where("_id").is(Keys.of(tenantId, ticketId))),
                new Update().set("tenantId", tenantId).set("ticketId", ticketId).set("groupId", groupId), COLLECTION);
    }

    @Override
    public Optional<String> lastGroup(String tenantId, String ticketId) {
        return Optional.ofNullable(mongo.findById(Keys.of(tenantId, ticketId), Document.class, COLLECTION))
                .map(doc -> doc.getString("groupId"));
    }
}
