package org.autocrm.ticket.configuration.customfield.web;

import java.util.List;
import org.autocrm.ticket.configuration.customfield.CustomFieldView;

/** The tenant's custom field definitions, in the order they were defined. */
public record CustomFieldsResponse(List<CustomFieldView> customFields) {
}
