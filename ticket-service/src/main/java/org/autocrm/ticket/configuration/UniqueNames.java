package org.autocrm.ticket.configuration;

/**
 * Names that must be unique within a tenant (category names, custom field keys, status labels),
 * compared case-insensitively. A claim is made inside the command's transaction, so two
 * concurrent commands can never both take the same name.
 */
public interface UniqueNames {

    /** The kinds of names, each its own namespace. */
    enum Kind { CATEGORY, CUSTOM_FIELD_KEY, STATUS_LABEL }

    /**
     * Claims {@code name} for {@code ownerId} and releases any other name the owner held in that
     * kind. Returns false, changing nothing, when another owner holds the name; true when the
     * owner holds it now (also when it already did, e.g. a rename that only changes letter case).
     */
    boolean claim(String tenantId, Kind kind, String name, String ownerId);
}
