package org.autocrm.identity.login;

import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;

/** {@code POST /api/auth/login}: {@code tenant} is the tenant id; {@code totp} only when a second factor applies. */
record LoginRequest(@Schema(requiredMode = RequiredMode.REQUIRED, example = "acme") String tenant,
        @Schema(requiredMode = RequiredMode.REQUIRED) String email,
        @Schema(requiredMode = RequiredMode.REQUIRED) String password,
        @Schema(description = "the authenticator's six digits, or a recovery code") @Nullable String totp) {
}
