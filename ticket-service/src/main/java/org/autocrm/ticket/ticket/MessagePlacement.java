package org.autocrm.ticket.ticket;

import org.autocrm.events.Actor;
import org.autocrm.ticket.refusal.Refused;

/**
 * Where a message goes — its {@link Visibility} and {@link ThreadKind} — and who may put it there:
 * customers write public replies in the external thread only, admin-only notes are for admins,
 * and an internal thread is never public.
 */
record MessagePlacement(Visibility visibility, ThreadKind threadKind) {

    /** The placement a message asks for (as the request writes it; public and external by default), if {@code by} may write it. */
    static MessagePlacement of(String visibility, String threadKind, Actor by) {
        Visibility seen = visibility == null ? Visibility.PUBLIC : Visibility.fromWireName(visibility).orElseThrow(
                () -> new Refused(TicketRule.INVALID_VISIBILITY, "visibility must be public, internal or admin_only"));
        ThreadKind thread = threadKind == null ? ThreadKind.EXTERNAL : ThreadKind.fromWireName(threadKind).orElseThrow(
                () -> new Refused(TicketRule.INVALID_THREAD, "threadKind must be external or internal"));
        if (TicketPermissions.isCustomer(by) && (seen != Visibility.PUBLIC || thread != ThreadKind.EXTERNAL)) {
            throw TicketPermissions.notPermitted(by, "write internal notes");
        }
        if (!TicketPermissions.isCustomer(by) && !TicketPermissions.actsForOrganisation(by)) {
            throw TicketPermissions.notPermitted(by, "write on tickets");
        }
        if (seen == Visibility.ADMIN_ONLY && !TicketPermissions.isAdmin(by)) {
            throw TicketPermissions.notPermitted(by, "write admin-only notes");
        }
        if (thread == ThreadKind.INTERNAL && seen == Visibility.PUBLIC) {
            throw new Refused(TicketRule.INVALID_VISIBILITY,
                    "visibility cannot be public in an internal thread: it is between team members");
        }
        return new MessagePlacement(seen, thread);
    }
}
