package org.autocrm.ticket.configuration.priority;

import java.util.List;

/** A tenant's priorities, lowest first (the defaults until it defines its own). */
public record PrioritiesView(List<String> priorities) {
}
