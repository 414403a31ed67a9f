package org.autocrm.query.web;

/** The caller asked for something that does not exist for them. */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
