package org.autocrm.ticket.customer.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Every editable field of a customer, for creating one (POST) and for replacing one (PUT). Only the
 * shape is checked here; what makes an address, language or time zone valid is decided by the
 * customer rules.
 */
public record CustomerRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 20) List<@NotNull @Size(max = 254) String> emails,
        @Size(max = 50) String phone,
        @Size(max = 200) String company,
        @Size(max = 50) String tier,
        @Size(max = 35) String language,
        @Size(max = 100) String timeZone,
        @Size(max = 200) String externalId) {
}
