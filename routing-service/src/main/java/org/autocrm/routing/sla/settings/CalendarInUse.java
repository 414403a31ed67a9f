package org.autocrm.routing.sla.settings;

/** A calendar an SLA policy still counts in cannot be deleted (409). */
public class CalendarInUse extends RuntimeException {

    public CalendarInUse(String id) {
        super("calendar " + id + " is used by an SLA policy; point the policy at another calendar first");
    }
}
