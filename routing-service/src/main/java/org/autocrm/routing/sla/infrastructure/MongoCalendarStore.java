package org.autocrm.routing.sla.infrastructure;

import java.util.List;
import java.util.Optional;
import org.autocrm.routing.sla.settings.CalendarStore;
import org.autocrm.routing.sla.settings.StoredCalendar;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The calendars in MongoDB; a change is a conditional write on the version read. */
@Repository
class MongoCalendarStore implements CalendarStore {

    private final MongoTemplate mongo;

    MongoCalendarStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(CalendarDocument.class).ensureIndex(new Index().on("tenantId", Sort.Direction.ASC)
                .on("name", Sort.Direction.ASC).named("tenant_name"));
    }

    @Override
    public List<StoredCalendar> list(String tenantId) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(tenantId)).with(Sort.by("name", "_id")),
                CalendarDocument.class).stream().map(CalendarDocument::toCalendar).toList();
    }

    @Override
    public Optional<StoredCalendar> find(String tenantId, String id) {
        return Optional.ofNullable(mongo.findOne(byId(tenantId, id), CalendarDocument.class))
                .map(CalendarDocument::toCalendar);
    }

    @Override
    public Optional<StoredCalendar> findDefault(String tenantId) {
        Query query = Query.query(Criteria.where("tenantId").is(tenantId).and("isDefault").is(true))
                .with(Sort.by(Sort.Direction.DESC, "updatedAt"));
        return Optional.ofNullable(mongo.findOne(query, CalendarDocument.class)).map(CalendarDocument::toCalendar);
    }

    @Override
    public void insert(StoredCalendar calendar) {
        mongo.insert(CalendarDocument.of(calendar));
    }

    @Override
    public boolean replace(StoredCalendar calendar, long expectedVersion) {
        Query current = byId(calendar.tenantId(), calendar.id()).addCriteria(Criteria.where("version").is(expectedVersion));
        return mongo.findAndReplace(current, CalendarDocument.of(calendar)) != null;
    }

    @Override
    public boolean delete(String tenantId, String id, long expectedVersion) {
        Query current = byId(tenantId, id).addCriteria(Criteria.where("version").is(expectedVersion));
        return mongo.remove(current, CalendarDocument.class).getDeletedCount() > 0;
    }

    @Override
    public void clearOtherDefaults(String tenantId, String keptId) {
        mongo.updateMulti(Query.query(Criteria.where("tenantId").is(tenantId).and("_id").ne(keptId)
                        .and("isDefault").is(true)),
                new Update().set("isDefault", false).inc("version", 1), CalendarDocument.class);
    }

    private static Query byId(String tenantId, String id) {
        return Query.query(Criteria.where("_id").is(id).and("tenantId").is(tenantId));
    }
}
