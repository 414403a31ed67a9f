package org.autocrm.routing.assignment.infrastructure;

import java.util.List;
import java.util.Optional;
import org.autocrm.routing.assignment.AgentSettings;
import org.autocrm.routing.assignment.AssignmentSettingsStore;
import org.autocrm.routing.assignment.GroupSettings;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Group and agent settings in MongoDB, one document each, keyed by tenant and id. A first write is an insert (of two
 * concurrent ones, the second meets the duplicate key); later ones are conditional on the version read.
 */
@Repository
class MongoAssignmentSettingsStore implements AssignmentSettingsStore {

    private final MongoTemplate mongo;

    MongoAssignmentSettingsStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(AgentDocument.class).ensureIndex(new Index().on("tenantId", Sort.Direction.ASC)
                .on("groups", Sort.Direction.ASC).named("tenant_groups"));
    }

    @Override
    public Optional<GroupSettings> group(String tenantId, String groupId) {
        return Optional.ofNullable(mongo.findById(Keys.of(tenantId, groupId), GroupDocument.class))
                .map(GroupDocument::toSettings);
    }

    @Override
    public boolean putGroup(GroupSettings settings, Long expectedVersion) {
        GroupDocument document = GroupDocument.of(settings);
        return put(document, document.id(), expectedVersion);
    }

    @Override
    public Optional<AgentSettings> agent(String tenantId, String agentId) {
        return Optional.ofNullable(mongo.findById(Keys.of(tenantId, agentId), AgentDocument.class))
                .map(AgentDocument::toSettings);
    }

    @Override
    public boolean putAgent(AgentSettings settings, Long expectedVersion) {
        AgentDocument document = AgentDocument.of(settings);
        return put(document, document.id(), expectedVersion);
    }

    @Override
    public List<AgentSettings> agents(String tenantId) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(tenantId)).with(Sort.by("agentId")),
                AgentDocument.class).stream().map(AgentDocument::toSettings).toList();
    }

    @Override
    public List<AgentSettings> agentsInGroup(String tenantId, String groupId) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(tenantId).and("groups").is(groupId))
                .with(Sort.by("agentId")), AgentDocument.class).stream().map(AgentDocument::toSettings).toList();
    }

    private boolean put(Object document, String id, Long expectedVersion) {
        if (expectedVersion == null) {
            try {
                mongo.insert(document);
                return true;
            } catch (DuplicateKeyException e) {
                return false;
            }
        }
        Query current = Query.query(Criteria.where("_id").is(id).and("version").is(expectedVersion));
        return mongo.findAndReplace(current, document) != null;
    }
}
