package org.autocrm.identity.singlesignon;

import java.time.Duration;
import org.autocrm.identity.Blocking;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Started sign-ins in MongoDB, so the provider may send the browser back to any gateway replica. A
 * state is consumed by one atomic find-and-remove, so it works once even when two callbacks race;
 * abandoned sign-ins are removed by a TTL index.
 */
@Component
class MongoPendingLogins implements PendingLogins {

    private final MongoTemplate mongo;

    MongoPendingLogins(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(PendingSsoLogin.class).ensureIndex(new Index().on("expiresAt", Sort.Direction.ASC)
                .expire(Duration.ZERO).named("expiry"));
    }

    @Override
    public Mono<Void> store(PendingLogin login) {
        return Blocking.run(() -> mongo.insert(PendingSsoLogin.of(login)));
    }

    @Override
    public Mono<PendingLogin> consume(String state) {
        if (state == null) {
            return Mono.empty();
        }
        return Blocking.call(() -> mongo.findAndRemove(Query.query(Criteria.where("_id").is(state)), PendingSsoLogin.class))
                .map(PendingSsoLogin::toPendingLogin);
    }
}
