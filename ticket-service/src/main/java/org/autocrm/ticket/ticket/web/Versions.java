package org.autocrm.ticket.ticket.web;

import org.autocrm.ticket.refusal.Refused;


/** Ticket versions travel as ETag / If-Match values: the aggregate's last event sequence number. */
public final class Versions {

    private Versions() {
    }

    /** The version an If-Match header asks for, or null when the header is absent or "*". */
    public static Long fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            long version = Long.parseLong(value);
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw Refused.invalidField("If-Match", "must be a ticket version such as \"3\" (the ETag of the ticket)");
        }
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
