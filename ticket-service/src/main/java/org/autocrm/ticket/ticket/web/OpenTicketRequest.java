package org.autocrm.ticket.ticket.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a caller sends to open a ticket. Priority defaults to MEDIUM, channel to api. */
public record OpenTicketRequest(
        @NotBlank @Size(max = 200) String subject,
        @Size(max = 100_000) String description,
        @NotBlank @Size(max = 100) String customerId,
        String priority,
        String channel) {
}
