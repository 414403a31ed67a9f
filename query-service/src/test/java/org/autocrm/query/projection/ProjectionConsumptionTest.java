package org.autocrm.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import com.fasterxml.jackson.core.JsonParseException;
import java.io.IOException;
import java.net.ConnectException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.junit.jupiter.api.Test;

/** Which failures are waited out (the store's condition) and which are dead-lettered (the event's). */
class ProjectionConsumptionTest {

    @Test
    void anUnreachableOrOverloadedStoreIsWaitedOut() {
        assertThat(ProjectionConsumption.cannotSucceed(wrapped(new ConnectException("refused")))).isFalse();
        assertThat(ProjectionConsumption.cannotSucceed(wrapped(new IOException("reset")))).isFalse();
        assertThat(ProjectionConsumption.cannotSucceed(wrapped(elasticsearch(503)))).isFalse();
        assertThat(ProjectionConsumption.cannotSucceed(wrapped(elasticsearch(429)))).isFalse();
        assertThat(ProjectionConsumption.cannotSucceed(wrapped(elasticsearch(404)))).isFalse();
    }

    @Test
    void anEventThatCanNeverBeAppliedIsNot() {
        assertThat(ProjectionConsumption.cannotSucceed(wrapped(new UnappliableEvent("no document")))).isTrue();
        assertThat(ProjectionConsumption.cannotSucceed(wrapped(elasticsearch(400)))).isTrue();
        assertThat(ProjectionConsumption.cannotSucceed(wrapped(new JsonParseException(null, "not json")))).isTrue();
    }

    private static Exception wrapped(Throwable cause) {
        return new ListenerExecutionFailedException("listener failed", cause);
    }

    private static ElasticsearchException elasticsearch(int status) {
        return new ElasticsearchException("index", ErrorResponse.of(e -> e.status(status)
                .error(c -> c.type("some_exception").reason("because"))));
    }
}
