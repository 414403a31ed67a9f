package org.autocrm.ticket.refusal;

import java.net.URI;

/** Problem types (RFC 9457 {@code type}) that more than one feature answers with; clients may rely on them. */
public final class Problems {

    public static final URI INVALID_REQUEST = URI.create("https://autocrm.org/problems/invalid-request");
    public static final URI NOT_FOUND = URI.create("https://autocrm.org/problems/not-found");
    public static final URI STALE_VERSION = URI.create("https://autocrm.org/problems/stale-version");
    public static final URI VERSION_CONFLICT = URI.create("https://autocrm.org/problems/version-conflict");

    private Problems() {
    }
}
