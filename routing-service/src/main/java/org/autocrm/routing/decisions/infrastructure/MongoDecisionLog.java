package org.autocrm.routing.decisions.infrastructure;

import java.util.List;
import org.autocrm.routing.decisions.DecisionLog;
import org.autocrm.routing.decisions.RecordedDecision;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** The decision log in MongoDB, read per ticket newest first. */
@Repository
class MongoDecisionLog implements DecisionLog {

    private final MongoTemplate mongo;

    MongoDecisionLog(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(DecisionDocument.class).ensureIndex(new Index().on("tenantId", Sort.Direction.ASC)
                .on("ticketId", Sort.Direction.ASC).on("sequence", Sort.Direction.DESC).named("tenant_ticket_sequence"));
    }

    @Override
    public boolean hasRun(String tenantId, String eventId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(DecisionDocument.idOf(tenantId, eventId))),
                DecisionDocument.class);
    }

    @Override
    public void record(RecordedDecision decision) {
        mongo.save(DecisionDocument.of(decision));
    }

    @Override
    public List<RecordedDecision> forTicket(String tenantId, String ticketId, Long beforeSequence, int limit) {
        Criteria criteria = Criteria.where("tenantId").is(tenantId).and("ticketId").is(ticketId);
        if (beforeSequence != null) {
            criteria = criteria.and("sequence").lt(beforeSequence);
        }
        Query query = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "sequence")).limit(limit);
        return mongo.find(query, DecisionDocument.class).stream().map(DecisionDocument::decision).toList();
    }
}
