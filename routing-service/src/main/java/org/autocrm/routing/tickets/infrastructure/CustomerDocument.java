package org.autocrm.routing.tickets.infrastructure;

import org.autocrm.routing.tickets.CustomerProfile;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One customer in {@code routing_customers}: id {@code <tenant>/<customer>}, company and tier. */
@Document("routing_customers")
class CustomerDocument {

    @Id
    String id;
    String tenantId;
    String customerId;
    String company;
    String tier;
    long sequence;

    static String idOf(String tenantId, String customerId) {
        return tenantId + "/" + customerId;
    }

    CustomerProfile toProfile() {
        return new CustomerProfile(tenantId, customerId, company, tier, sequence);
    }
}
