package org.autocrm.access.web;

/** A development header ({@code X-AutoCRM-*}, single-service tests only) names a malformed caller (400). */
public final class InvalidDevHeader extends RuntimeException {

    private final String header;

    InvalidDevHeader(String header, String problem) {
        super(header + " " + problem);
        this.header = header;
    }

    public String header() {
        return header;
    }
}
