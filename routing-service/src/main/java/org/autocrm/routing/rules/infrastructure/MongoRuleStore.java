package org.autocrm.routing.rules.infrastructure;

import java.util.List;
import java.util.Optional;
import org.autocrm.routing.rules.RuleStore;
import org.autocrm.routing.rules.StoredRule;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * The rules in MongoDB, one document per rule. A change is a conditional write on the version read (no transaction
 * needed): of two concurrent changes to one rule, exactly one finds its version still there.
 */
@Repository
class MongoRuleStore implements RuleStore {

    private static final Sort RUN_ORDER = Sort.by("position", "_id");

    private final MongoTemplate mongo;

    MongoRuleStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(RuleDocument.class).ensureIndex(new Index().on("tenantId", Sort.Direction.ASC)
                .on("position", Sort.Direction.ASC).named("tenant_position"));
    }

    @Override
    public List<StoredRule> list(String tenantId) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(tenantId)).with(RUN_ORDER), RuleDocument.class)
                .stream().map(RuleDocument::toRule).toList();
    }

    @Override
    public Optional<StoredRule> find(String tenantId, String id) {
        return Optional.ofNullable(mongo.findOne(byId(tenantId, id), RuleDocument.class)).map(RuleDocument::toRule);
    }

    @Override
    public void insert(StoredRule rule) {
        mongo.insert(RuleDocument.of(rule));
    }

    @Override
    public boolean replace(StoredRule rule, long expectedVersion) {
        Query current = byId(rule.tenantId(), rule.id()).addCriteria(Criteria.where("version").is(expectedVersion));
        return mongo.findAndReplace(current, RuleDocument.of(rule)) != null;
    }

    @Override
    public boolean delete(String tenantId, String id, long expectedVersion) {
        Query current = byId(tenantId, id).addCriteria(Criteria.where("version").is(expectedVersion));
        return mongo.remove(current, RuleDocument.class).getDeletedCount() > 0;
    }

    private static Query byId(String tenantId, String id) {
        return Query.query(Criteria.where("_id").is(id).and("tenantId").is(tenantId));
    }
}
