package org.autocrm.query.customers;

import java.util.Objects;

/** What other views copy from a customer's profile onto their documents: company and tier (either may be null). */
public record CustomerFields(String company, String tier) {

    public static final CustomerFields UNKNOWN = new CustomerFields(null, null);

    /** Whether a document holding these values (as {@code company} and {@code tier}) is up to date. */
    public boolean sameAs(String documentCompany, String documentTier) {
        return Objects.equals(company, documentCompany) && Objects.equals(tier, documentTier);
    }
}
