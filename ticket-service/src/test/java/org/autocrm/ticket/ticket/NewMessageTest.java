package org.autocrm.ticket.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.autocrm.events.Actor;
import org.junit.jupiter.api.Test;

class NewMessageTest {

    private static final Actor MARIA = new Actor("maria", "agent");
    private static final Actor SARAH = new Actor("sarah", "customer");

    @Test
    void aMessageGoesToTheThreadItNamesOrElseTheTicketsThreadOfItsKind() {
        assertThat(NewMessage.of(post(MARIA, "t-9", "internal", "internal", "note"), "t-1").threadId()).isEqualTo("t-9");
        assertThat(NewMessage.of(post(MARIA, null, "internal", "internal", "note"), "t-1").threadId())
                .isEqualTo("internal:t-1");
    }

    @Test
    void aCustomersMessageMentionsNoOne() {
        assertThat(NewMessage.of(post(SARAH, null, null, null, "Thanks @maria"), "t-1").mentions()).isEmpty();
        assertThat(NewMessage.of(post(MARIA, null, null, null, "Thanks @alex"), "t-1").mentions())
                .containsExactly("alex");
    }

    private static PostMessage post(Actor by, String threadId, String threadKind, String visibility, String body) {
        return new PostMessage("t-1", new CommandContext("acme", null, by, Set.of()), "m-1", threadId, threadKind,
                visibility, body, null, List.of());
    }
}
