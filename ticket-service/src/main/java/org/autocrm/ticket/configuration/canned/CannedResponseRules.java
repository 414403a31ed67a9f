package org.autocrm.ticket.configuration.canned;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.autocrm.events.CannedAction;
import org.autocrm.ticket.configuration.ConfigurationRule;
import org.autocrm.ticket.refusal.Refused;

/** What makes a canned response well-formed: its title, its body and its actions. */
final class CannedResponseRules {

    static final int TITLE_MAX_LENGTH = 200;
    static final int BODY_MAX_LENGTH = 20_000;
    static final int MAX_TAGS = 20;
    static final int TAG_MAX_LENGTH = 50;
    static final int GROUP_ID_MAX_LENGTH = 100;

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

    /** The actions with tags stripped and de-duplicated; no actions at all is an empty action. */
    static CannedAction actions(CannedAction actions) {
        if (actions == null) {
            return new CannedAction(null, List.of(), null);
        }
        List<String> tags = actions.addTags() == null ? List.of() : actions.addTags();
        if (tags.size() > MAX_TAGS) {
            throw invalidTags("actions.addTags may list at most " + MAX_TAGS + " tags");
        }
        List<String> validTags = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String tag : tags) {
            String stripped = tag == null ? "" : tag.strip();
            if (stripped.isEmpty() || stripped.length() > TAG_MAX_LENGTH) {
                throw invalidTags("actions.addTags must each be 1 to " + TAG_MAX_LENGTH + " characters");
            }
            if (seen.add(stripped.toLowerCase(Locale.ROOT))) {
                validTags.add(stripped);
            }
        }
        String group = actions.assignGroupId() == null ? null : actions.assignGroupId().strip();
        if (group != null && (group.isEmpty() || group.length() > GROUP_ID_MAX_LENGTH)) {
            throw new Refused(ConfigurationRule.CANNED_RESPONSE_GROUP_INVALID,
                    "actions.assignGroupId must be 1 to " + GROUP_ID_MAX_LENGTH + " characters");
        }
        return new CannedAction(actions.setStatus(), List.copyOf(validTags), group);
    }

    private static Refused invalidTags(String message) {
        return new Refused(ConfigurationRule.CANNED_RESPONSE_TAGS_INVALID, message);
    }
}
