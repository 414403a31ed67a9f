package org.autocrm.ticket.web;

/** A request field that the web layer itself found invalid (before any command was sent). */
public class InvalidField extends RuntimeException {

    private final String field;

    public InvalidField(String field, String problem) {
        super(problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
