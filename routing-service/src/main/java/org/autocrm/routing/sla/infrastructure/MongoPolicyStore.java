package org.autocrm.routing.sla.infrastructure;

import java.util.List;
import java.util.Optional;
import org.autocrm.routing.sla.settings.PolicyStore;
import org.autocrm.routing.sla.settings.StoredPolicy;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** The SLA policies in MongoDB; a change is a conditional write on the version read. */
@Repository
class MongoPolicyStore implements PolicyStore {

    private final MongoTemplate mongo;

    MongoPolicyStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(PolicyDocument.class).ensureIndex(new Index().on("tenantId", Sort.Direction.ASC)
                .on("position", Sort.Direction.ASC).named("tenant_position"));
    }

    @Override
    public List<StoredPolicy> list(String tenantId) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(tenantId)).with(Sort.by("position", "_id")),
                PolicyDocument.class).stream().map(PolicyDocument::toPolicy).toList();
    }

    @Override
    public Optional<StoredPolicy> find(String tenantId, String id) {
        return Optional.ofNullable(mongo.findOne(byId(tenantId, id), PolicyDocument.class)).map(PolicyDocument::toPolicy);
    }

    @Override
    public void insert(StoredPolicy policy) {
        mongo.insert(PolicyDocument.of(policy));
    }

    @Override
    public boolean replace(StoredPolicy policy, long expectedVersion) {
        Query current = byId(policy.tenantId(), policy.id()).addCriteria(Criteria.where("version").is(expectedVersion));
        return mongo.findAndReplace(current, PolicyDocument.of(policy)) != null;
    }

    @Override
    public boolean delete(String tenantId, String id, long expectedVersion) {
        Query current = byId(tenantId, id).addCriteria(Criteria.where("version").is(expectedVersion));
        return mongo.remove(current, PolicyDocument.class).getDeletedCount() > 0;
    }

    @Override
    public boolean usesCalendar(String tenantId, String calendarId) {
        return mongo.exists(Query.query(Criteria.where("tenantId").is(tenantId).and("calendarId").is(calendarId)),
                PolicyDocument.class);
    }

    private static Query byId(String tenantId, String id) {
        return Query.query(Criteria.where("_id").is(id).and("tenantId").is(tenantId));
    }
}
