package org.autocrm.routing.rules.infrastructure;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.autocrm.routing.rules.RuleVocabulary;
import org.autocrm.routing.rules.TenantVocabularies;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Tenants' custom fields in MongoDB, kept from the configuration stream. Each change is written only over an earlier
 * event of the same field (the sequence per field), so a redelivered or older event changes nothing.
 */
@Repository
class MongoTenantVocabularies implements TenantVocabularies {

    private final MongoTemplate mongo;

    MongoTenantVocabularies(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public RuleVocabulary forEditing(String tenantId) {
        return vocabulary(tenantId, false);
    }

    @Override
    public RuleVocabulary forRunning(String tenantId) {
        return vocabulary(tenantId, true);
    }

    private RuleVocabulary vocabulary(String tenantId, boolean withRetired) {
        List<CustomFieldDocument> fields = mongo.find(Query.query(Criteria.where("tenantId").is(tenantId)),
                CustomFieldDocument.class);
        Map<String, RuleVocabulary.CustomField> byKey = fields.stream()
                .filter(field -> field.key() != null && (withRetired || !field.retired()))
                .map(field -> new RuleVocabulary.CustomField(field.key(), field.type(), field.options()))
                .collect(Collectors.toMap(RuleVocabulary.CustomField::key, Function.identity(), (a, b) -> a));
        return new RuleVocabulary(null, null, byKey);
    }

    /** A field was defined: its key, type and options. */
    void defined(String tenantId, String fieldId, String key, String type, List<String> options, long sequence) {
        write(tenantId, fieldId, sequence, new Update().set("key", key).set("type", type)
                .set("options", options == null ? List.of() : options).set("retired", false));
    }

    /** A field's options changed (its key and type never do). */
    void changed(String tenantId, String fieldId, List<String> options, long sequence) {
        write(tenantId, fieldId, sequence, new Update().set("options", options == null ? List.of() : options));
    }

    void retired(String tenantId, String fieldId, long sequence) {
        write(tenantId, fieldId, sequence, new Update().set("retired", true));
    }

    private void write(String tenantId, String fieldId, long sequence, Update update) {
        Query earlier = Query.query(Criteria.where("_id").is(CustomFieldDocument.idOf(tenantId, fieldId))
                .and("sequence").lt(sequence));
        try {
            mongo.upsert(earlier, update.set("tenantId", tenantId).set("fieldId", fieldId).set("sequence", sequence),
                    CustomFieldDocument.class);
        } catch (DuplicateKeyException later) {
            // this event (or a later one) of the field is kept already
        }
    }
}
