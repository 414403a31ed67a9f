package org.autocrm.ticket.configuration;

import java.net.URI;
import org.autocrm.ticket.refusal.Problems;
import org.autocrm.ticket.refusal.Refusal;

/**
 * The rules a ticket configuration command can break. Each code is stable (clients may switch on
 * it) and says which request field it is about and what kind of refusal it is.
 */
public enum ConfigurationRule implements Refusal {
    ADMIN_ONLY(null, Kind.FORBIDDEN),
    STAFF_ONLY(null, Kind.FORBIDDEN),
    LEADS_ONLY(null, Kind.FORBIDDEN),

    CATEGORY_NOT_FOUND(null, Kind.NOT_FOUND),
    CATEGORY_NAME_INVALID("name", Kind.INVALID_INPUT),
    CATEGORY_NAME_TAKEN("name", Kind.CONFLICT),
    CATEGORY_ARCHIVED(null, Kind.CONFLICT),
    CATEGORY_ALREADY_ARCHIVED(null, Kind.CONFLICT),
    CATEGORY_POSITION_OUT_OF_RANGE("position", Kind.INVALID_VALUE),

    CUSTOM_FIELD_NOT_FOUND(null, Kind.NOT_FOUND),
    CUSTOM_FIELD_KEY_INVALID("key", Kind.INVALID_INPUT),
    CUSTOM_FIELD_KEY_TAKEN("key", Kind.CONFLICT),
    CUSTOM_FIELD_KEY_IMMUTABLE("key", Kind.INVALID_VALUE),
    CUSTOM_FIELD_LABEL_INVALID("label", Kind.INVALID_INPUT),
    CUSTOM_FIELD_TYPE_UNKNOWN("type", Kind.INVALID_INPUT),
    CUSTOM_FIELD_TYPE_IMMUTABLE("type", Kind.INVALID_VALUE),
    CUSTOM_FIELD_OPTIONS_REQUIRED("options", Kind.INVALID_INPUT),
    CUSTOM_FIELD_OPTIONS_FORBIDDEN("options", Kind.INVALID_INPUT),
    CUSTOM_FIELD_OPTIONS_INVALID("options", Kind.INVALID_INPUT),
    CUSTOM_FIELD_RETIRED(null, Kind.CONFLICT),

    PRIORITIES_COUNT("priorities", Kind.INVALID_INPUT),
    PRIORITY_NAME_INVALID("priorities", Kind.INVALID_INPUT),
    PRIORITIES_DUPLICATED("priorities", Kind.INVALID_INPUT),

    STATUS_LABEL_NOT_FOUND(null, Kind.NOT_FOUND),
    STATUS_LABEL_INVALID("label", Kind.INVALID_INPUT),
    STATUS_LABEL_TAKEN("label", Kind.CONFLICT),
    STATUS_REQUIRED("status", Kind.INVALID_INPUT),

    CANNED_RESPONSE_NOT_FOUND(null, Kind.NOT_FOUND),
    CANNED_RESPONSE_TITLE_INVALID("title", Kind.INVALID_INPUT),
    CANNED_RESPONSE_BODY_INVALID("body", Kind.INVALID_INPUT),
    CANNED_RESPONSE_UNKNOWN_PLACEHOLDER("body", Kind.INVALID_INPUT),
    CANNED_RESPONSE_TAGS_INVALID("actions.addTags", Kind.INVALID_INPUT),
    CANNED_RESPONSE_GROUP_INVALID("actions.assignGroupId", Kind.INVALID_INPUT),
    CANNED_RESPONSE_REMOVE_TAGS_INVALID("actions.removeTags", Kind.INVALID_INPUT),
    CANNED_RESPONSE_AGENT_INVALID("actions.assignAgentId", Kind.INVALID_INPUT),
    CANNED_RESPONSE_RESOLUTION_REQUIRED("actions.resolutionSummary", Kind.INVALID_VALUE),
    CANNED_RESPONSE_RESOLUTION_UNEXPECTED("actions.resolutionSummary", Kind.INVALID_VALUE),
    CANNED_RESPONSE_PRIORITY_UNKNOWN("actions.setPriority", Kind.INVALID_VALUE),
    CANNED_RESPONSE_TAG_ADDED_AND_REMOVED("actions.removeTags", Kind.INVALID_VALUE),
    CANNED_RESPONSE_AGENT_AND_GROUP("actions.assignAgentId", Kind.INVALID_VALUE);

    private static final URI RULE_BROKEN = URI.create("https://autocrm.org/problems/ticket-configuration-rule");

    private final String field;
    private final Kind kind;

    ConfigurationRule(String field, Kind kind) {
        this.field = field;
        this.kind = kind;
    }

    /** The request field the rule is about, or null when it is about the item as a whole. */
    @Override
    public String field() {
        return field;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public URI type() {
        return kind == Kind.NOT_FOUND ? Problems.NOT_FOUND : RULE_BROKEN;
    }

    @Override
    public String title() {
        return switch (kind) {
            case INVALID_INPUT -> "Invalid request";
            case FORBIDDEN -> "Not allowed";
            case NOT_FOUND -> "Not found";
            default -> "The ticket configuration cannot do that";
        };
    }
}
