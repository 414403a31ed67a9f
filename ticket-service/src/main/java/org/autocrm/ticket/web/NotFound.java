package org.autocrm.ticket.web;

/** The caller asked for something that does not exist for them (or that they may not know exists). */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
