package org.autocrm.query.readafter;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.autocrm.query.web.InvalidParameter;

/**
 * What a reader asks to see: for each ticket (on the customer list: each customer), the version (its last event's
 * sequence, as ticket-service returned it for a write) the answer must include at least.
 */
record ReadAfter(Map<String, Long> versions) {

    static final String HEADER = "X-AutoCRM-Read-After";
    static final String MIN_VERSION = "minVersion";
    private static final int MAX_TICKETS = 50;
    private static final Pattern TICKET_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final String FORMAT = "must be <ticketId>:<version>[,<ticketId>:<version>...] with versions "
            + "whole numbers from 0, at most " + MAX_TICKETS + " tickets";

    ReadAfter {
        versions = Collections.unmodifiableMap(new LinkedHashMap<>(versions));
    }

    boolean isEmpty() {
        return versions.isEmpty();
    }

    /** Parses the header and, for a read of one ticket, its {@code minVersion}; 400 naming what is malformed. */
    static ReadAfter of(String header, String ticketId, String minVersion) {
        Map<String, Long> versions = new LinkedHashMap<>();
        if (header != null && !header.isBlank()) {
            for (String pair : header.split(",")) {
                String[] parts = pair.trim().split(":", -1);
                if (parts.length != 2 || !TICKET_ID.matcher(parts[0].trim()).matches()) {
                    throw new InvalidParameter(HEADER, FORMAT);
                }
                versions.merge(parts[0].trim(), version(parts[1].trim(), HEADER, FORMAT), Math::max);
            }
            if (versions.size() > MAX_TICKETS) {
                throw new InvalidParameter(HEADER, FORMAT);
            }
        }
        if (minVersion != null) {
            if (ticketId == null) {
                throw new InvalidParameter(MIN_VERSION, "applies to a read of one ticket only; use the header "
                        + HEADER + " for other reads");
            }
            versions.merge(ticketId, version(minVersion.trim(), MIN_VERSION, "must be a whole number from 0"),
                    Math::max);
        }
        return new ReadAfter(versions);
    }

    private static long version(String value, String parameter, String rule) {
        try {
            long version = Long.parseLong(value);
            if (version < 0) {
                throw new InvalidParameter(parameter, rule);
            }
            return version;
        } catch (NumberFormatException e) {
            throw new InvalidParameter(parameter, rule);
        }
    }
}
