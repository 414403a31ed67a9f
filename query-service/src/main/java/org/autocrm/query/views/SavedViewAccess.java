package org.autocrm.query.views;

import org.autocrm.access.Caller;

/**
 * Who may do what with saved views. Customers have none. Staff see their own personal views and
 * every shared view of their tenant; only admins and team leads create, change or delete shared
 * ones. Anything else of another owner or tenant is, to the caller, not there.
 */
public final class SavedViewAccess {

    private SavedViewAccess() {
    }

    public static boolean mayUseViews(Caller caller) {
        return caller.actsForOrganisation();
    }

    public static boolean sees(Caller caller, SavedView view) {
        return caller.actsForOrganisation() && caller.tenantId().equals(view.tenantId())
                && (view.shared() || caller.userId().equals(view.ownerId()));
    }

    public static boolean mayManageShared(Caller caller) {
        return caller.role().leadsTeams();
    }
}
