package org.autocrm.identity.directory;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A support organisation: its own users, groups and settings. Its id is what users type at login. */
@Document("identity_tenants")
public record Tenant(@Id String id, String name, TenantSettings settings, Instant createdAt) {

    public Tenant withSettings(TenantSettings changed) {
        return new Tenant(id, name, changed, createdAt);
    }
}
