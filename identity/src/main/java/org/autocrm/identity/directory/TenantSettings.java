package org.autocrm.identity.directory;

/**
 * A tenant's identity settings.
 *
 * @param requireTotp staff must give a TOTP code at login (the TOTP check itself plugs in later; until
 *                    it does, a tenant requiring it refuses staff password logins without a code)
 */
public record TenantSettings(boolean requireTotp) {

    public static TenantSettings defaults() {
        return new TenantSettings(false);
    }
}
