package org.autocrm.gateway.identity.login;

import org.autocrm.gateway.identity.directory.Account;

/**
 * The seam for a second factor at login (TOTP). A login asks for a code when the account has one
 * enrolled or its tenant requires one for staff ({@code requireTotp}); the code the client sends as
 * {@code totp} is checked here. Until a real implementation is a bean, nobody is enrolled and no code
 * is accepted, so a tenant requiring TOTP cannot sign staff in with a password alone.
 */
public interface SecondFactor {

    boolean isEnrolled(Account account);

    boolean verify(Account account, String code);
}
