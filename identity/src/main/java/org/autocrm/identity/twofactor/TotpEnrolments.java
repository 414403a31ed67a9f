package org.autocrm.identity.twofactor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The TOTP enrolments in MongoDB. Every change that decides whether a code works is one conditional
 * update, so two logins racing with one code (or one recovery code) cannot both pass. Blocking.
 */
@Component
class TotpEnrolments {

    private final MongoTemplate mongo;

    TotpEnrolments(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<TotpEnrolment> of(String accountId) {
        return Optional.ofNullable(mongo.findById(accountId, TotpEnrolment.class));
    }

    /** Replaces an unconfirmed enrolment; false if an enabled one exists (it must be disabled first). */
    boolean start(TotpEnrolment enrolment) {
        if (of(enrolment.accountId()).filter(TotpEnrolment::enabled).isPresent()) {
            return false;
        }
        mongo.save(enrolment);
        return true;
    }

    boolean enable(String accountId, long step, List<String> recoveryCodeHashes, Instant now) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(accountId).and("enabled").is(false)),
                new Update().set("enabled", true).set("lastStep", step).set("recoveryCodeHashes", recoveryCodeHashes)
                        .set("enabledAt", now), TotpEnrolment.class).getModifiedCount() == 1;
    }

    /** Records the step of an accepted code, only if no code of this or a later step was accepted meanwhile. */
    boolean advance(String accountId, long step) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(accountId).and("lastStep").lt(step)),
                new Update().set("lastStep", step), TotpEnrolment.class).getModifiedCount() == 1;
    }

    /** Uses up one recovery code; false if it was used meanwhile. */
    boolean consumeRecoveryCode(String accountId, String hash) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(accountId).and("recoveryCodeHashes").is(hash)),
                new Update().pull("recoveryCodeHashes", hash), TotpEnrolment.class).getModifiedCount() == 1;
    }

    void remove(String accountId) {
        mongo.remove(Query.query(Criteria.where("_id").is(accountId)), TotpEnrolment.class);
    }
}
