package org.autocrm.identity.token;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One RSA key pair as a JWK (private parts included), shared by every gateway replica. */
@Document("identity_signing_keys")
record SigningKey(@Id String kid, String jwk, Instant createdAt) {
}
