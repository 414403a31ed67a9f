package org.autocrm.identity.login;

/** {@code POST /api/auth/login}: {@code tenant} is the tenant id; {@code totp} only when a second factor applies. */
record LoginRequest(String tenant, String email, String password, String totp) {
}
