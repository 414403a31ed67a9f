package org.autocrm.ticket.configuration.priority.web;

import jakarta.validation.constraints.NotNull;
import java.util.List;

/** What an admin sends to replace the tenant's priorities: 1 to 10 distinct upper snake case names, lowest first. */
public record DefinePrioritiesRequest(@NotNull List<String> priorities) {
}
