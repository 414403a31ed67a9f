package org.autocrm.identity.login;

import jakarta.annotation.Nullable;

/**
 * {@code POST /api/auth/logout}: the refresh token of the session to end; without it, the session of the access
 * token sent as {@code Authorization: Bearer} ends.
 */
record LogoutRequest(@Nullable String refreshToken) {
}
