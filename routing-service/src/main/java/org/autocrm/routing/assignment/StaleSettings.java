package org.autocrm.routing.assignment;

/** A change that named a version the settings have moved on from: someone else changed them in between. */
public class StaleSettings extends RuntimeException {

    private final Long currentVersion;

    public StaleSettings(String what, long expectedVersion, Long currentVersion) {
        super(currentVersion == null
                ? what + " are not stored yet, so there is no version " + expectedVersion
                        + "; leave If-Match and version out to create them"
                : what + " are at version " + currentVersion + ", not " + expectedVersion
                        + ": they were changed in the meantime; read them again and repeat the change on the current "
                        + "version");
        this.currentVersion = currentVersion;
    }

    /** null when nothing is stored yet (the change named a version of settings that do not exist). */
    public Long currentVersion() {
        return currentVersion;
    }
}
