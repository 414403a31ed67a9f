package org.autocrm.ticket.configuration.canned.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * What an admin sends to create a canned response (title and body required) or change one (absent
 * parts stay; given actions replace all actions). The body may use the placeholders
 * {{customer.name}}, {{customer.email}}, {{customer.company}}, {{ticket.id}}, {{ticket.number}},
 * {{ticket.subject}}, {{ticket.status}}, {{ticket.priority}} and {{agent.name}}.
 */
public record CannedResponseRequest(@Size(min = 1, max = 200) String title, @Size(min = 1, max = 20_000) String body,
                                    @Valid CannedActionRequest actions) {
}
