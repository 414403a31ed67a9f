package org.autocrm.routing.sla.settings;

/** A change made on an older version of a calendar or policy than the stored one (409). */
public class StaleSetting extends RuntimeException {

    private final long currentVersion;

    public StaleSetting(String what, String id, long expected, long currentVersion) {
        super(what + " " + id + " is at version " + currentVersion + ", not " + expected
                + "; read it again and repeat the change");
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
