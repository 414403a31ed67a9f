/**
 * Single sign-on at a tenant's own OpenID Connect provider (SAML providers reach us through an
 * OIDC broker such as Keycloak, Entra ID or Okta). This package is the relying party: discovery,
 * the authorization redirect (code flow, PKCE S256, {@code state}, {@code nonce}), the code
 * exchange, ID token validation against the provider's key set, and mapping the provider's claims
 * to an AutoCRM role (the service kit's {@link org.autocrm.access.Role}) and groups; and the sign-in it
 * ends in ({@code SigningInWithSso}, {@code SsoController}): the relying party ({@code SsoLogin} and the
 * provider classes) stores no users and issues no AutoCRM tokens, the sign-in does, with the
 * {@link org.autocrm.identity.singlesignon.ExternalIdentity} it gets from the relying party.
 *
 * <h2>Configuration</h2>
 * {@link org.autocrm.identity.singlesignon.SsoProperties}, prefix {@code autocrm.identity.sso}:
 * {@code tenants.<tenant>.issuer}, {@code .client-id}, {@code .client-secret} (from the
 * environment), {@code .client-authentication} ({@code client_secret_basic} default or
 * {@code client_secret_post}), {@code .scopes} (default {@code openid,email,profile}),
 * {@code .redirect-uri}, {@code .provision-unknown-users} (default false),
 * {@code .claims.email|name|roles|groups} (claim names, dotted paths allowed, defaults
 * {@code email}, {@code name}, {@code roles}, {@code groups}), {@code .claims.role-map.[value]=role},
 * {@code .claims.group-map.[value]=groupId}, {@code .claims.default-role} (absent: refuse users
 * no role maps for); and {@code connect-timeout} (2s), {@code response-timeout} (5s),
 * {@code login-timeout} (10m). {@code SsoLogin} takes the settings per call: {@code SsoProviders} gives a tenant's,
 * the ones its admins stored ({@code StoredSsoSettings} in {@code identity_sso_settings}, set through
 * {@code /api/admin/tenant/sso} by {@code ConfiguringSso}, the client secret sealed by {@code SecretBox}) or else the
 * properties'.
 *
 * <h2>How the sign-in wires it</h2>
 * <ul>
 *   <li>Beans: {@code @EnableConfigurationProperties(SsoProperties.class)}, one
 *       {@code new SsoLogin(pendingLogins, clock, properties)}, and a {@link org.autocrm.identity.singlesignon.PendingLogins}
 *       in MongoDB ({@code findOneAndDelete} by state, TTL index on {@code expiresAt});
 *       {@link org.autocrm.identity.singlesignon.InMemoryPendingLogins} only for tests and a single replica.</li>
 *   <li>{@code GET /api/auth/sso/{tenant}}: whether the tenant offers single sign-on, for the sign-in page.</li>
 *   <li>{@code GET /api/auth/sso/{tenant}/start}: {@code SsoProviders.settingsFor(tenant)}, {@code start(tenant, settings)},
 *       answer 302 to {@code location} and set cookie {@code autocrm_sso_state=<state>} (HttpOnly, Secure,
 *       SameSite=Lax, Path=/api/auth/sso, Max-Age = login timeout).</li>
 *   <li>{@code GET /api/auth/sso/{tenant}/callback?code&state} (or {@code ?error&error_description&state}):
 *       refuse with 400 unless the cookie equals {@code state} (a login started in another browser);
 *       then {@code complete(tenant, settings, code, state)} or, with {@code error},
 *       {@code refused(tenant, state, error, description)}. With the identity: find the user by
 *       (tenant, issuer, subject), else by verified email (then remember issuer and subject), else
 *       create one when {@code settings.provisionUnknownUsers()}, else 403. Update role and groups
 *       from the identity on every sign-in (the provider is their source), refuse a deactivated
 *       user, record the login in the audit log and issue access and refresh tokens. SSO sign-ins
 *       skip TOTP: the provider owns the second factor. A browser gets the web app's session cookie
 *       ({@code RefreshCookie}) and a 302 to {@code /app} or {@code /portal}; a client asking for anything else the
 *       token pair as JSON.</li>
 *   <li>Errors ({@code SsoController}): map {@link org.autocrm.identity.singlesignon.SsoLoginFailed#reason()} to a problem+json with
 *       {@code reason().status()} (404 not configured, 400 state, 401 provider refused or invalid
 *       ID token, 403 not permitted, 503 provider unavailable with {@code Retry-After}) and the
 *       exception's message as detail; it never holds secrets or tokens.</li>
 * </ul>
 *
 * <p>Not done here: the provider's userinfo endpoint (roles and groups must be in the ID token,
 * which Keycloak, Entra ID and Okta can all be set up to do), RP-initiated logout, and HS256 ID
 * tokens signed with the client secret (refused: only asymmetric algorithms are accepted).
 */
package org.autocrm.identity.singlesignon;
