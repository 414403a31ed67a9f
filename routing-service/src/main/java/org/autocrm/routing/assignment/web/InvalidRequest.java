package org.autocrm.routing.assignment.web;

/** A request this API cannot act on, named by the path parameter or header at fault (400). */
class InvalidRequest extends RuntimeException {

    private final String field;

    InvalidRequest(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
