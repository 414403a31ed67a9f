package org.autocrm.routing.assignment;

/** A weekly schedule that cannot be kept as given; {@code field} names the slot at fault, e.g. {@code MONDAY[1]}. */
public class InvalidSchedule extends RuntimeException {

    public static final String CODE = "SCHEDULE_INVALID";

    private final String field;

    public InvalidSchedule(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
