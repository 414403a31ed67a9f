package org.autocrm.routing.rules.infrastructure;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One custom field definition of a tenant in {@code routing_custom_fields} (id {@code <tenant>/<fieldId>}), as the
 * configuration stream last described it: key and type never change; options do; a retired field stays.
 */
@Document(CustomFieldDocument.COLLECTION)
record CustomFieldDocument(@Id String id, String tenantId, String fieldId, String key, String type,
                           List<String> options, boolean retired, long sequence) {

    static final String COLLECTION = "routing_custom_fields";

    static String idOf(String tenantId, String fieldId) {
        return tenantId + "/" + fieldId;
    }
}
