package org.autocrm.identity.login;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /api/auth/refresh}. */
record RefreshRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String refreshToken) {
}
