/**
 * TOTP two-factor sign-in for staff (RFC 6238: HMAC-SHA1, six digits, 30-second steps, one step
 * of slack either way), with one-use recovery codes. The arithmetic ({@code TotpAuthenticator},
 * {@code TotpSecret}, {@code Base32}, {@code TotpCheck}, {@code RecoveryCodes}, {@code TotpRequirement}) is
 * plain JDK, no storage and no web; the rest of the package ({@code EnrollingTotp}, {@code TotpEnrolments},
 * {@code TotpSecondFactor}, {@code TotpController}) stores what it hands back and exposes the endpoints.
 *
 * <h2>What the caller stores, per staff user</h2>
 * <ul>
 *   <li>{@code totpSecret}: {@link org.autocrm.identity.twofactor.TotpSecret#base32()}, encrypted at rest,
 *       never returned by any API after enrolment; plus {@code totpEnabled} (false until confirmed).</li>
 *   <li>{@code totpLastStep}: the {@code long} from {@link org.autocrm.identity.twofactor.TotpCheck#lastAcceptedStep()},
 *       {@code -1} before the first code. Write it with a conditional update
 *       ({@code totpLastStep < new}) so two logins racing with one code cannot both pass.</li>
 *   <li>{@code recoveryCodeHashes}: {@link org.autocrm.identity.twofactor.RecoveryCodes.Issued#hashes()};
 *       consume with an atomic {@code $pull} of {@link org.autocrm.identity.twofactor.RecoveryCodes.Redemption#consumedHash()}.</li>
 *   <li>Per tenant: {@code totpRequired} (admin setting). {@link org.autocrm.identity.twofactor.TotpRequirement}
 *       turns it, the role and the enrolment into what a login still needs.</li>
 * </ul>
 *
 * <h2>Endpoints the identity feature wires</h2>
 * <ul>
 *   <li>{@code POST /api/me/totp} (signed-in staff): {@code generateSecret()}, store it with
 *       {@code totpEnabled=false}, answer {@code {secret, otpauthUri}} from {@code enrolmentUri(email, secret)}
 *       for the QR code. Calling it again replaces an unconfirmed secret; an enabled one must be
 *       disabled first (409).</li>
 *   <li>{@code POST /api/me/totp/confirm} {@code {code}}: {@code verify(secret, code, -1, now)}; when
 *       accepted set {@code totpEnabled=true}, store the step, generate ten recovery codes and
 *       answer them once. A wrong code is 422 and leaves the user un-enrolled.</li>
 *   <li>{@code DELETE /api/me/totp} {@code {code}} (or an admin resetting a user): clears the three fields.</li>
 *   <li>{@code POST /api/auth/login} {@code {email, password, totp?}}: after the password, ask
 *       {@code TotpRequirement.forLogin(staff, tenant.totpRequired, user.totpEnabled)}. {@code CODE}
 *       without {@code totp} is 401 with problem type {@code .../totp-required} (so the UI asks for it);
 *       a {@code totp} of 16 characters is tried as a recovery code, six digits with {@code verify}.
 *       {@code ENROLMENT}: issue only a short-lived token good for {@code /api/me/totp*}. Count
 *       every refused code ({@code WRONG_CODE}, {@code REPLAYED}, {@code MALFORMED}) towards the
 *       login throttle like a wrong password.</li>
 * </ul>
 * SSO logins skip TOTP: the tenant's provider owns the second factor there.
 */
package org.autocrm.identity.twofactor;
