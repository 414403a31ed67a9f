package org.autocrm.query.tenancy;

/** The tenant whose data a request may read. */
public record CallerTenant(String id) {
}
