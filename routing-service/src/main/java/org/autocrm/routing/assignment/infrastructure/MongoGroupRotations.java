package org.autocrm.routing.assignment.infrastructure;

import java.time.Instant;
import org.autocrm.routing.assignment.GroupRotations;
import org.autocrm.routing.assignment.Rotation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Rotations in MongoDB: the first turn is an insert, every later one a replace conditional on the version read. */
@Repository
class MongoGroupRotations implements GroupRotations {

    private final MongoTemplate mongo;

    MongoGroupRotations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Rotation read(String tenantId, String groupId) {
        RotationDocument document = mongo.findById(Keys.of(tenantId, groupId), RotationDocument.class);
        return document == null ? Rotation.none() : document.toRotation();
    }

    @Override
    public boolean advance(String tenantId, String groupId, long expectedVersion, String agentId, Instant at) {
        // re-read inside the write's condition: the turns written are those of the version the pick was made on
        Rotation from = expectedVersion == 0 ? Rotation.none() : readAt(tenantId, groupId, expectedVersion);
        if (from == null) {
            return false;
        }
        RotationDocument next = RotationDocument.advanced(tenantId, groupId, from, agentId, at);
        if (expectedVersion == 0) {
            try {
                mongo.insert(next);
                return true;
            } catch (DuplicateKeyException e) {
                return false;
            }
        }
        Query current = Query.query(Criteria.where("_id").is(next.id()).and("version").is(expectedVersion));
        return mongo.findAndReplace(current, next) != null;
    }

    private Rotation readAt(String tenantId, String groupId, long version) {
        Rotation current = read(tenantId, groupId);
        return current.version() == version ? current : null;
    }
}
