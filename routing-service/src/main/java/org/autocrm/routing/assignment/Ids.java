package org.autocrm.routing.assignment;

import java.util.regex.Pattern;

/**
 * The shape of a group or agent id. They are the gateway's (identity's) ids, which this service cannot look up
 * cheaply, so any id of this shape is accepted: settings for an id identity does not know are kept and simply never
 * match a ticket (and ticket-service refuses an assignment to an agent it does not know).
 */
public final class Ids {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@:-]{0,127}");

    private Ids() {
    }

    public static boolean wellFormed(String id) {
        return id != null && SHAPE.matcher(id).matches();
    }

    public static String describe() {
        return "1 to 128 letters, digits or . _ @ : - (starting with a letter or digit)";
    }
}
