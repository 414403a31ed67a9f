package org.autocrm.identity.login;

/** {@code POST /api/auth/refresh} and {@code /api/auth/logout}. */
record RefreshRequest(String refreshToken) {
}
