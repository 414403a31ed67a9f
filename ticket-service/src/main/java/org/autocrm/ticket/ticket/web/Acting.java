package org.autocrm.ticket.ticket.web;

import jakarta.servlet.http.HttpServletRequest;
import org.autocrm.access.Caller;
import org.autocrm.access.Role;
import org.autocrm.ticket.actor.AutomationReason;
import org.autocrm.ticket.refusal.Refused;
import org.autocrm.ticket.ticket.CommandContext;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The {@link CommandContext} of the ticket command the current request sends: the caller, the If-Match version
 * and, from an automation, the {@value AutomationReason#HEADER} it gives (400 naming the header when it breaks
 * the rule; ignored from anyone else). Read from the current request so every ticket command, wherever its
 * controller lives, records the reason the same way; the header is documented on every ticket command by
 * {@code org.autocrm.ticket.web.ApiDocumentation}.
 */
public final class Acting {

    private Acting() {
    }

    /** The context of the current request from {@code caller}, expecting {@code expectedVersion} (null: any). */
    public static CommandContext context(Caller caller, Long expectedVersion) {
        return CommandContext.of(caller, reason(caller), expectedVersion);
    }

    /** The automation's checked reason, or null (no header, or not an automation). */
    static String reason(Caller caller) {
        if (!caller.is(Role.AUTOMATION)
                || !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return null;
        }
        HttpServletRequest request = attributes.getRequest();
        String header = request.getHeader(AutomationReason.HEADER);
        if (header == null) {
            return null;
        }
        return AutomationReason.parse(header).orElseThrow(() ->
                Refused.invalidField(AutomationReason.HEADER, AutomationReason.RULE));
    }
}
