package org.autocrm.routing.sla.settings;

/** No calendar or policy of that id in the caller's tenant (404). */
public class SettingNotFound extends RuntimeException {

    public SettingNotFound(String what, String id) {
        super("no " + what + " " + id);
    }
}
