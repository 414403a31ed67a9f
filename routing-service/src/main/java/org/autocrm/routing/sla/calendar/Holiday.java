package org.autocrm.routing.sla.calendar;

import java.time.LocalDate;

/** A day the desk is closed all day, whatever its weekday's slots say. {@code name} may be null. */
public record Holiday(LocalDate date, String name) {

    public Holiday {
        if (date == null) {
            throw new IllegalArgumentException("a holiday needs a date");
        }
    }
}
