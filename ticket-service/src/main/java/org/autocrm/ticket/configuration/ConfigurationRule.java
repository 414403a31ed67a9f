package org.autocrm.ticket.configuration;

/**
 * The rules a ticket configuration command can break. Each code is stable (clients may switch on
 * it) and says which request field it is about and what kind of refusal it is.
 */
public enum ConfigurationRule {
    ADMIN_ONLY(null, Refusal.FORBIDDEN),
    STAFF_ONLY(null, Refusal.FORBIDDEN),

    CATEGORY_NOT_FOUND(null, Refusal.NOT_FOUND),
    CATEGORY_NAME_INVALID("name", Refusal.INVALID),
    CATEGORY_NAME_TAKEN("name", Refusal.CONFLICT),
    CATEGORY_ARCHIVED(null, Refusal.CONFLICT),
    CATEGORY_ALREADY_ARCHIVED(null, Refusal.CONFLICT),
    CATEGORY_POSITION_OUT_OF_RANGE("position", Refusal.UNPROCESSABLE),

    CUSTOM_FIELD_NOT_FOUND(null, Refusal.NOT_FOUND),
    CUSTOM_FIELD_KEY_INVALID("key", Refusal.INVALID),
    CUSTOM_FIELD_KEY_TAKEN("key", Refusal.CONFLICT),
    CUSTOM_FIELD_KEY_IMMUTABLE("key", Refusal.UNPROCESSABLE),
    CUSTOM_FIELD_LABEL_INVALID("label", Refusal.INVALID),
    CUSTOM_FIELD_TYPE_UNKNOWN("type", Refusal.INVALID),
    CUSTOM_FIELD_TYPE_IMMUTABLE("type", Refusal.UNPROCESSABLE),
    CUSTOM_FIELD_OPTIONS_REQUIRED("options", Refusal.INVALID),
    CUSTOM_FIELD_OPTIONS_FORBIDDEN("options", Refusal.INVALID),
    CUSTOM_FIELD_OPTIONS_INVALID("options", Refusal.INVALID),
    CUSTOM_FIELD_RETIRED(null, Refusal.CONFLICT),

    PRIORITIES_COUNT("priorities", Refusal.INVALID),
    PRIORITY_NAME_INVALID("priorities", Refusal.INVALID),
    PRIORITIES_DUPLICATED("priorities", Refusal.INVALID),

    STATUS_LABEL_NOT_FOUND(null, Refusal.NOT_FOUND),
    STATUS_LABEL_INVALID("label", Refusal.INVALID),
    STATUS_LABEL_TAKEN("label", Refusal.CONFLICT),
    STATUS_REQUIRED("status", Refusal.INVALID),

    CANNED_RESPONSE_NOT_FOUND(null, Refusal.NOT_FOUND),
    CANNED_RESPONSE_TITLE_INVALID("title", Refusal.INVALID),
    CANNED_RESPONSE_BODY_INVALID("body", Refusal.INVALID),
    CANNED_RESPONSE_UNKNOWN_PLACEHOLDER("body", Refusal.INVALID),
    CANNED_RESPONSE_TAGS_INVALID("actions.addTags", Refusal.INVALID),
    CANNED_RESPONSE_GROUP_INVALID("actions.assignGroupId", Refusal.INVALID);

    /** What kind of refusal a rule is; the web layer maps each to one HTTP status. */
    public enum Refusal {
        /** The request itself is malformed (400). */
        INVALID,
        /** The caller may not do this (403). */
        FORBIDDEN,
        /** The item does not exist in the caller's tenant (404). */
        NOT_FOUND,
        /** The request clashes with the current state, e.g. a name already taken (409). */
        CONFLICT,
        /** Well-formed, but not something the item allows (422). */
        UNPROCESSABLE
    }

    private final String field;
    private final Refusal refusal;

    ConfigurationRule(String field, Refusal refusal) {
        this.field = field;
        this.refusal = refusal;
    }

    /** The request field the rule is about, or null when it is about the item as a whole. */
    public String field() {
        return field;
    }

    public Refusal refusal() {
        return refusal;
    }
}
