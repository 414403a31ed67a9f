package org.autocrm.routing.tickets.infrastructure;

import java.util.Optional;
import org.autocrm.routing.tickets.CustomerDirectory;
import org.autocrm.routing.tickets.CustomerProfile;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Customers' company and tier in MongoDB; a profile is written only over an earlier one of the same customer. */
@Repository
class MongoCustomerDirectory implements CustomerDirectory {

    private final MongoTemplate mongo;

    MongoCustomerDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<CustomerProfile> find(String tenantId, String customerId) {
        return Optional.ofNullable(mongo.findById(CustomerDocument.idOf(tenantId, customerId), CustomerDocument.class))
                .map(CustomerDocument::toProfile);
    }

    @Override
    public void save(CustomerProfile profile) {
        Query earlier = Query.query(Criteria.where("_id").is(CustomerDocument.idOf(profile.tenantId(),
                profile.customerId())).and("sequence").lt(profile.sequence()));
        Update update = new Update().set("tenantId", profile.tenantId()).set("customerId", profile.customerId())
                .set("company", profile.company()).set("tier", profile.tier()).set("sequence", profile.sequence());
        try {
            mongo.upsert(earlier, update, CustomerDocument.class);
        } catch (DuplicateKeyException later) {
            // a later (or the same) event of this customer is kept already: this one changes nothing
        }
    }
}
