package org.autocrm.routing.sla.policy;

/**
 * A ticket priority by its name, as tickets carry it ({@code TicketCreated.priority}). A value rather than an enum:
 * tenants may define their own priority list; the four defaults are named here.
 */
public record Priority(String name) {

    public static final Priority LOW = new Priority("LOW");
    public static final Priority MEDIUM = new Priority("MEDIUM");
    public static final Priority HIGH = new Priority("HIGH");
    public static final Priority URGENT = new Priority("URGENT");

    public Priority {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a priority has a name");
        }
        name = name.trim();
    }

    public static Priority of(String name) {
        return new Priority(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
