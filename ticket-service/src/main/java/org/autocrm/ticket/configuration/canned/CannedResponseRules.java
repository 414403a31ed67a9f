package org.autocrm.ticket.configuration.canned;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.autocrm.events.CannedAction;
import org.autocrm.events.TicketStatus;
import org.autocrm.ticket.configuration.ConfigurationRule;
import org.autocrm.ticket.refusal.Refused;

/** What makes a canned response well-formed: its title, its body and its actions. */
final class CannedResponseRules {

    static final int TITLE_MAX_LENGTH = 200;
    static final int BODY_MAX_LENGTH = 20_000;
    static final int MAX_TAGS = 20;
    static final int TAG_MAX_LENGTH = 50;
    static final int GROUP_ID_MAX_LENGTH = 100;
    static final int RESOLUTION_MAX_LENGTH = 10_000;

    private CannedResponseRules() {
    }

    static String title(String title) {
        String stripped = title == null ? "" : title.strip();
        if (stripped.isEmpty() || stripped.length() > TITLE_MAX_LENGTH) {
            throw new Refused(ConfigurationRule.CANNED_RESPONSE_TITLE_INVALID,
                    "title must be 1 to " + TITLE_MAX_LENGTH + " characters");
        }
        return stripped;
    }

    static String body(String body) {
        if (body == null || body.isBlank() || body.length() > BODY_MAX_LENGTH) {
            throw new Refused(ConfigurationRule.CANNED_RESPONSE_BODY_INVALID,
                    "body must be 1 to " + BODY_MAX_LENGTH + " characters");
        }
        Placeholders.check(body);
        return body;
    }

    /**
     * The actions with tags stripped and de-duplicated, ids stripped; no actions at all is an empty action.
     * A RESOLVED status needs a resolution summary (and only it takes one), a priority must be one of the
     * tenant's, and no tag may be both added and removed.
     */
    static CannedAction actions(CannedAction actions, List<String> priorities) {
        if (actions == null) {
            return new CannedAction(null, List.of(), null);
        }
        List<String> added = tags(actions.addTags(), "actions.addTags", ConfigurationRule.CANNED_RESPONSE_TAGS_INVALID);
        List<String> removed = actions.removeTags() == null ? null
                : tags(actions.removeTags(), "actions.removeTags", ConfigurationRule.CANNED_RESPONSE_REMOVE_TAGS_INVALID);
        if (removed != null && removed.stream().anyMatch(tag -> added.stream().anyMatch(tag::equalsIgnoreCase))) {
            throw new Refused(ConfigurationRule.CANNED_RESPONSE_TAG_ADDED_AND_REMOVED,
                    "actions.removeTags must not name a tag that actions.addTags adds");
        }
        String group = id(actions.assignGroupId(), "actions.assignGroupId", ConfigurationRule.CANNED_RESPONSE_GROUP_INVALID);
        String agent = id(actions.assignAgentId(), "actions.assignAgentId", ConfigurationRule.CANNED_RESPONSE_AGENT_INVALID);
        if (group != null && agent != null) {
            throw new Refused(ConfigurationRule.CANNED_RESPONSE_AGENT_AND_GROUP,
                    "actions.assignAgentId and actions.assignGroupId cannot both be set: a ticket goes to one agent or "
                            + "one group");
        }
        String summary = actions.resolutionSummary() == null || actions.resolutionSummary().isBlank() ? null
                : actions.resolutionSummary().strip();
        if (actions.setStatus() == TicketStatus.RESOLVED && summary == null) {
            throw new Refused(ConfigurationRule.CANNED_RESPONSE_RESOLUTION_REQUIRED,
                    "actions.resolutionSummary is required when actions.setStatus is RESOLVED");
        }
        if (actions.setStatus() != TicketStatus.RESOLVED && summary != null) {
            throw new Refused(ConfigurationRule.CANNED_RESPONSE_RESOLUTION_UNEXPECTED,
                    "actions.resolutionSummary is only for actions.setStatus RESOLVED");
        }
        if (summary != null && summary.length() > RESOLUTION_MAX_LENGTH) {
            throw new Refused(ConfigurationRule.CANNED_RESPONSE_RESOLUTION_REQUIRED,
                    "actions.resolutionSummary must be at most " + RESOLUTION_MAX_LENGTH + " characters");
        }
        String priority = actions.setPriority() == null ? null : actions.setPriority().strip();
        if (priority != null && !priorities.contains(priority)) {
            throw new Refused(ConfigurationRule.CANNED_RESPONSE_PRIORITY_UNKNOWN,
                    "actions.setPriority must be one of " + priorities + ", not '" + actions.setPriority() + "'");
        }
        return new CannedAction(actions.setStatus(), summary, priority, added, removed, agent, group,
                actions.internalNote());
    }

    private static List<String> tags(List<String> tags, String field, ConfigurationRule rule) {
        List<String> given = tags == null ? List.of() : tags;
        if (given.size() > MAX_TAGS) {
            throw new Refused(rule, field + " may list at most " + MAX_TAGS + " tags");
        }
        List<String> valid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String tag : given) {
            String stripped = tag == null ? "" : tag.strip();
            if (stripped.isEmpty() || stripped.length() > TAG_MAX_LENGTH) {
                throw new Refused(rule, field + " must each be 1 to " + TAG_MAX_LENGTH + " characters");
            }
            if (seen.add(stripped.toLowerCase(Locale.ROOT))) {
                valid.add(stripped);
            }
        }
        return List.copyOf(valid);
    }

    private static String id(String id, String field, ConfigurationRule rule) {
        String stripped = id == null ? null : id.strip();
        if (stripped != null && (stripped.isEmpty() || stripped.length() > GROUP_ID_MAX_LENGTH)) {
            throw new Refused(rule, field + " must be 1 to " + GROUP_ID_MAX_LENGTH + " characters");
        }
        return stripped;
    }
}
