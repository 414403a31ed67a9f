package org.autocrm.identity.staff;

import java.util.List;
import org.autocrm.identity.directory.Account;

/** A colleague as other staff see them: no security state (locks, TOTP), nothing of customers. */
record StaffMember(String id, String name, String email, String role, List<String> groups) {

    static StaffMember of(Account account) {
        return new StaffMember(account.id(), account.name(), account.email(), account.role(), account.groups());
    }
}
