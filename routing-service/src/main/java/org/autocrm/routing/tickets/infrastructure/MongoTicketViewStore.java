package org.autocrm.routing.tickets.infrastructure;

import java.util.Optional;
import org.autocrm.routing.tickets.StoredTicket;
import org.autocrm.routing.tickets.TicketViewStore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * The ticket view in MongoDB. A save is conditional on the sequence read (an insert for a new ticket), so two
 * instances taking in the same ticket never overwrite a later snapshot with an earlier one.
 */
@Repository
class MongoTicketViewStore implements TicketViewStore {

    private final MongoTemplate mongo;

    MongoTicketViewStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<StoredTicket> find(String tenantId, String ticketId) {
        return Optional.ofNullable(mongo.findById(TicketDocument.idOf(tenantId, ticketId), TicketDocument.class))
                .map(TicketDocument::toTicket);
    }

    @Override
    public boolean save(StoredTicket ticket, long expectedSequence) {
        TicketDocument document = TicketDocument.of(ticket);
        if (expectedSequence < 0) {
            try {
                mongo.insert(document);
                return true;
            } catch (DuplicateKeyException taken) {
                return false;
            }
        }
        Query current = Query.query(Criteria.where("_id").is(document.id).and("sequence").is(expectedSequence));
        return mongo.findAndReplace(current, document) != null;
    }
}
