package org.autocrm.identity.directory;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A team of agents (e.g. {@code tier-1}); tickets are assigned to groups and agents see their groups'
 * tickets. {@code id} is unique per tenant only, so the document key is {@code <tenant>/<id>}.
 */
@Document("identity_groups")
public record Group(@Id String key, String tenantId, String id, String name, Instant createdAt) {

    public static Group of(String tenantId, String id, String name, Instant createdAt) {
        return new Group(tenantId + "/" + id, tenantId, id, name, createdAt);
    }
}
