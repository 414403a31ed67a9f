package org.autocrm.routing.rules;

/** A change that named a version the rule has moved on from: someone else changed it in between. */
public class StaleRule extends RuntimeException {

    private final long currentVersion;

    public StaleRule(String id, long expectedVersion, long currentVersion) {
        super("Rule " + id + " is at version " + currentVersion + ", not " + expectedVersion
                + ": it was changed in the meantime; read it again and repeat the change on the current version");
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
