package org.autocrm.identity.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.autocrm.identity.IdentityProperties;
import org.autocrm.identity.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * The one-time setup token for a fresh installation: while no admin exists, the gateway makes a new
 * token at every start, prints it to its log and (if {@code autocrm.identity.setup-token-file} is set)
 * writes it to that file. {@code POST /api/auth/setup} with it creates the first tenant and admin; the
 * token is then deleted and setup is refused from then on.
 */
@Component
class FirstAdminSetup {

    private static final Logger log = LoggerFactory.getLogger(FirstAdminSetup.class);

    @Document("identity_setup")
    record SetupToken(@Id String id, String hash, Instant createdAt) {
    }

    private static final String ID = "setup";

    private final MongoTemplate mongo;
    private final IdentityProperties properties;
    private final Clock clock;

    FirstAdminSetup(MongoTemplate mongo, IdentityProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    void offer() {
        String token = Secrets.random(32);
        mongo.save(new SetupToken(ID, Secrets.sha256(token), clock.instant()));
        log.warn("No admin exists yet. Create the first tenant and admin once with:\n"
                + "  curl -X POST http://<gateway>/api/auth/setup -H 'Content-Type: application/json' -d "
                + "'{{\"setupToken\":\"{}\",\"tenant\":\"acme\",\"tenantName\":\"Acme Support\",\"email\":\"you@acme.example\","
                + "\"name\":\"Your Name\",\"password\":\"<at least 8 characters>\"}}'", token);
        Path file = properties.setupTokenFile();
        if (file != null) {
            try {
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
                Files.writeString(file, token + System.lineSeparator());
            } catch (IOException e) {
                log.warn("Cannot write the setup token to {}: {}", file, e.toString());
            }
        }
    }

    boolean accepts(String token) {
        SetupToken stored = mongo.findById(ID, SetupToken.class);
        return stored != null && token != null && Secrets.sameHash(stored.hash(), Secrets.sha256(token));
    }

    void used() {
        mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(ID)), SetupToken.class);
        Path file = properties.setupTokenFile();
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Cannot delete the used setup token file {}: {}", file, e.toString());
            }
        }
    }
}
