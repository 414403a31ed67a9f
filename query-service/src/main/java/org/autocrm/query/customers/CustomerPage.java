package org.autocrm.query.customers;

import jakarta.annotation.Nullable;
import java.util.List;

/** One page of customers, how many match in all, and the cursor of the next page (null on the last). */
public record CustomerPage(List<CustomerView> items, long total, @Nullable String next) {
}
