package org.autocrm.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.autocrm.events.TicketStatus;
import org.autocrm.routing.ticketcommands.TicketCommand;
import org.autocrm.servicetesting.AcceptsTestTokens;
import org.autocrm.servicetesting.Piece;
import org.autocrm.servicetesting.RunningInfrastructure;
import org.autocrm.servicetesting.SignedCaller;
import org.autocrm.servicetesting.TestCallers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The assignment reaction on the embedded MongoDB stand-in, fed the contract's events as the stream listener hands
 * them over, with ticket-service played by {@link RecordingTicketCommands}. The periodic pass is off, so every offer
 * seen here was caused by what the test did (it is called by hand where a test needs it). Each test has its tenant.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "autocrm.routing.assignment.offer-pass.enabled=false")
@RunningInfrastructure(Piece.MONGO)
@AcceptsTestTokens
@Import(AssigningTicketsIT.Commands.class)
class AssigningTicketsIT {

    @TestConfiguration(proxyBeanMethods = false)
    static class Commands {
        @Bean
        @Primary
        RecordingTicketCommands recordingTicketCommands() {
            return new RecordingTicketCommands();
        }

        @Bean
        @Primary
        SettableClock settableClock() {
            return new SettableClock();
        }
    }

    /** The real time, unless a test sets one (and sets it back). */
    static class SettableClock extends Clock {
        private volatile Instant fixed;

        void set(Instant instant) {
            fixed = instant;
        }

        @Override
        public Instant instant() {
            Instant now = fixed;
            return now != null ? now : Instant.now();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("assignment reads instants only");
        }
    }

    @Autowired
    AssigningTickets reaction;
    @Autowired
    ManagingAssignmentSettings settings;
    @Autowired
    OfferingWaitingTickets offers;
    @Autowired
    RecordingTicketCommands ticketService;
    @Autowired
    TestRestTemplate http;
    @Autowired
    SettableClock clock;

    private final TestCallers callers = TestCallers.inNewTenant();
    private final String tenant = callers.tenant();
    private final TicketStream stream = new TicketStream(tenant);

    @Test
    void roundRobinGivesTheGroupsTicketsToItsAgentsInTurn() {
        group("tier-1", "{\"strategy\":\"round_robin\"}");
        for (String agent : List.of("ann", "bob", "cem")) {
            agent(agent, "available", null, "tier-1");
        }
        agent("outsider", "available", null, "tier-2");

        for (int i = 0; i < 6; i++) {
            stream.createdInto("t-" + i, "tier-1", "normal", "en").to(reaction);
        }

        List<RecordingTicketCommands.Sent> sent = ticketService.applied(tenant);
        assertThat(sent).extracting(s -> agentOf(s)).containsExactly("ann", "bob", "cem", "ann", "bob", "cem");
        assertThat(sent).extracting(RecordingTicketCommands.Sent::reason).containsOnly("round_robin");
        assertThat(sent.get(0).key()).endsWith(":assign_agent");
        assertThat(sent).extracting(RecordingTicketCommands.Sent::ticketId)
                .containsExactly("t-0", "t-1", "t-2", "t-3", "t-4", "t-5");
    }

    @Test
    void aManualGroupOrAGroupNobodyConfiguredAssignsNothing() {
        group("by-hand", "{\"strategy\":\"manual\"}");
        agent("ann", "available", null, "by-hand", "unconfigured");

        stream.createdInto("t-1", "by-hand", "high", "en").to(reaction);
        stream.createdInto("t-2", "unconfigured", "high", "en").to(reaction);

        assertThat(ticketService.applied(tenant)).isEmpty();
    }

    @Test
    void leastLoadedGivesTheTicketToTheAgentWithFewestOpenTicketsOrMostSpareCapacity() {
        group("billing", "{\"strategy\":\"least_loaded\"}");
        agent("ann", "available", 10, "billing");
        agent("bob", "available", 3, "billing");
        agent("cem", "available", null, "billing");
        // tickets the team lead handed out by hand, as the stream tells
        handOut("old-1", "ann");
        handOut("old-2", "ann");
        handOut("old-3", "cem");

        stream.createdInto("t-1", "billing", "normal", "en").to(reaction);
        assertThat(agentOf(last())).isEqualTo("bob");
        assertThat(last().reason()).isEqualTo("least_loaded");
        stream.createdInto("t-2", "billing", "normal", "en").to(reaction);
        assertThat(agentOf(last())).as("bob and cem hold one each; cem waited longer").isEqualTo("cem");

        // by spare capacity: cem has no cap (room without end), then ann (10 - 2) before bob (3 - 1)
        group("billing", "{\"strategy\":\"least_loaded\",\"loadMeasure\":\"spare_capacity\"}");
        agent("cem", "away", null, "billing");
        stream.createdInto("t-3", "billing", "normal", "en").to(reaction);
        assertThat(agentOf(last())).isEqualTo("ann");
    }

    @Test
    void onlyAgentsAvailableWithinTheirScheduleAndUnderTheirCapReceiveTickets() {
        group("tier-1", "{\"strategy\":\"round_robin\",\"maxOpenPerAgent\":1}");
        agent("away", "away", null, "tier-1");
        agent("offline", "offline", null, "tier-1");
        DayOfWeek notToday = Instant.now().atZone(ZoneOffset.UTC).getDayOfWeek().plus(3);
        settings.putAgent(tenant, "off-shift", new AgentSettingsDefinition(null, null, null, "UTC",
                Map.of(notToday.name().toLowerCase(), List.of(new AgentSettingsDefinition.SlotDefinition("00:00",
                        "24:00"))), "available", List.of("tier-1")).validate(), Optional.empty());
        agent("full", "available", 0, "tier-1");
        agent("eve", "available", null, "tier-1");

        stream.createdInto("t-1", "tier-1", "normal", "en").to(reaction);
        assertThat(ticketService.applied(tenant)).extracting(s -> agentOf(s)).containsExactly("eve");

        stream.assignedTo("t-1", "eve", null).to(reaction); // ticket-service's answer comes back on the stream
        stream.createdInto("t-2", "tier-1", "urgent", "en").to(reaction);
        assertThat(ticketService.applied(tenant)).as("eve is at the group's cap of 1; t-2 waits").hasSize(1);

        stream.statusChanged("t-1", TicketStatus.RESOLVED).to(reaction);
        assertThat(ticketService.applied(tenant)).extracting(s -> agentOf(s) + " " + s.ticketId())
                .containsExactly("eve t-1", "eve t-2");
    }

    @Test
    void aTicketWaitingForAnAgentsShiftIsAssignedByThePeriodicPassOnceTheShiftBegins() {
        clock.set(Instant.parse("2026-12-07T07:00:00Z")); // a Monday, 08:00 in Berlin
        try {
            group("early", "{\"strategy\":\"round_robin\"}");
            settings.putAgent(tenant, "ann", new AgentSettingsDefinition(null, null, null, "Europe/Berlin",
                    Map.of("monday", List.of(new AgentSettingsDefinition.SlotDefinition("09:00", "17:00"))),
                    "available", List.of("early")).validate(), Optional.empty());
            stream.createdInto("t-1", "early", "normal", "en").to(reaction);
            offers.offerEverywhere();
            assertThat(ticketService.applied(tenant)).as("ann's shift starts at 09:00").isEmpty();

            clock.set(Instant.parse("2026-12-07T08:00:30Z")); // 09:00:30 in Berlin
            offers.offerEverywhere();

            assertThat(ticketService.applied(tenant)).extracting(s -> s.ticketId() + " " + agentOf(s))
                    .containsExactly("t-1 ann");
        } finally {
            clock.set(null);
        }
    }

    @Test
    void waitingTicketsAreOfferedByPriorityThenAgeWhenAnAgentComesBackThroughTheApi() {
        group("tier-1", "{\"strategy\":\"round_robin\"}");
        SignedCaller eve = callers.agentNamed("eve", "tier-1");
        agent("eve", "away", null, "tier-1");
        stream.createdInto("low-old", "tier-1", "low", "en").to(reaction);
        stream.createdInto("urgent", "tier-1", "urgent", "en").to(reaction);
        stream.createdInto("high", "tier-1", "high", "en").to(reaction);
        stream.createdInto("low-new", "tier-1", "low", "en").to(reaction);
        assertThat(ticketService.applied(tenant)).isEmpty();

        HttpHeaders headers = eve.headers();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var answer = http.exchange("/api/routing/agents/me", HttpMethod.PUT, new HttpEntity<>(
                "{\"status\":\"available\",\"groups\":[\"tier-1\"]}", headers), String.class);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);

        assertThat(ticketService.applied(tenant)).extracting(RecordingTicketCommands.Sent::ticketId)
                .containsExactly("urgent", "high", "low-old", "low-new");
        assertThat(ticketService.applied(tenant)).extracting(s -> agentOf(s)).containsOnly("eve");
    }

    @Test
    void aWaitingTicketTakenByHandOrResolvedIsNoLongerOffered() {
        group("tier-1", "{\"strategy\":\"round_robin\"}");
        agent("ann", "away", null, "tier-1");
        stream.createdInto("taken", "tier-1", "urgent", "en").to(reaction);
        stream.createdInto("solved", "tier-1", "urgent", "en").to(reaction);
        stream.createdInto("still-waiting", "tier-1", "low", "en").to(reaction);

        stream.assignedTo("taken", "bob", null).to(reaction);
        stream.statusChanged("solved", TicketStatus.RESOLVED).to(reaction);
        agent("ann", "available", null, "tier-1");

        assertThat(ticketService.applied(tenant)).extracting(s -> s.ticketId() + " " + agentOf(s))
                .containsExactly("still-waiting ann");
    }

    @Test
    void skillsAndLanguagesAreMatchedWhereTheGroupAsksForIt() {
        group("global", "{\"strategy\":\"round_robin\",\"matchSkills\":true,\"matchLanguage\":true}");
        settings.putAgent(tenant, "hans", new AgentSettingsDefinition(List.of("billing"), List.of("de"), null, null,
                null, "available", List.of("global")).validate(), Optional.empty());
        settings.putAgent(tenant, "jane", new AgentSettingsDefinition(List.of(), List.of("en"), null, null,
                null, "available", List.of("global")).validate(), Optional.empty());

        stream.createdInto("de-vip", "global", "normal", "de-AT", "vip").to(reaction);
        stream.createdInto("en-billing", "global", "normal", "en", "Billing").to(reaction);
        stream.createdInto("en-plain", "global", "normal", "en").to(reaction);

        assertThat(ticketService.applied(tenant)).extracting(s -> s.ticketId() + " " + agentOf(s))
                .as("vip is nobody's skill, so it asks for nothing; billing is hans's, who speaks no English")
                .containsExactly("de-vip hans", "en-plain jane");
    }

    @Test
    void aRedeliveredEventAssignsTheTicketOnce() {
        group("tier-1", "{\"strategy\":\"round_robin\"}");
        agent("ann", "available", null, "tier-1");
        agent("bob", "available", null, "tier-1");
        TicketStream.Delivery delivery = stream.createdInto("t-1", "tier-1", "normal", "en");

        delivery.to(reaction);
        delivery.to(reaction);
        reaction.react(delivery.event(), delivery.before(), delivery.after());

        assertThat(ticketService.applied(tenant)).hasSize(1);
    }

    @Test
    void aTicketWhoseAssignmentCouldNotBeDeliveredWaitsAndIsAssignedByTheNextPass() {
        group("tier-1", "{\"strategy\":\"round_robin\"}");
        agent("ann", "available", null, "tier-1");
        ticketService.unreachable(true);
        try {
            stream.createdInto("t-1", "tier-1", "normal", "en").to(reaction);
        } finally {
            ticketService.unreachable(false);
        }
        assertThat(ticketService.applied(tenant)).isEmpty();

        offers.offerEverywhere();

        assertThat(ticketService.applied(tenant)).extracting(s -> s.ticketId() + " " + agentOf(s))
                .containsExactly("t-1 ann");
    }

    @Test
    void aReopenedTicketWhoseAgentIsAwayGoesBackToItsGroup() {
        group("tier-1", "{\"strategy\":\"least_loaded\"}");
        agent("ann", "available", null, "tier-1");
        stream.createdInto("t-1", "tier-1", "normal", "en").to(reaction);
        stream.assignedTo("t-1", "ann", null).to(reaction);
        stream.statusChanged("t-1", TicketStatus.RESOLVED).to(reaction);
        agent("ann", "away", null, "tier-1");

        TicketStream.Delivery reopened = stream.statusChanged("t-1", TicketStatus.OPEN);
        reopened.to(reaction);

        RecordingTicketCommands.Sent back = last();
        assertThat(back.command()).isEqualTo(new TicketCommand.AssignToGroup("tier-1"));
        assertThat(back.reason()).isEqualTo("least_loaded");
        assertThat(back.key()).isEqualTo(reopened.event().eventId() + ":assign_group");
    }

    @Test
    void aReopenedTicketWhoseAgentIsWorkingStaysWithThem() {
        group("tier-1", "{\"strategy\":\"round_robin\"}");
        agent("ann", "available", null, "tier-1");
        stream.createdInto("t-1", "tier-1", "normal", "en").to(reaction);
        stream.assignedTo("t-1", "ann", null).to(reaction);
        stream.statusChanged("t-1", TicketStatus.RESOLVED).to(reaction);

        stream.statusChanged("t-1", TicketStatus.OPEN).to(reaction);

        assertThat(ticketService.applied(tenant)).hasSize(1);
    }

    private void handOut(String ticketId, String agentId) {
        stream.createdInto(ticketId, "elsewhere", "normal", "en").to(reaction);
        stream.assignedTo(ticketId, agentId, null).to(reaction);
    }

    private RecordingTicketCommands.Sent last() {
        List<RecordingTicketCommands.Sent> sent = ticketService.applied(tenant);
        assertThat(sent).isNotEmpty();
        return sent.get(sent.size() - 1);
    }

    private static String agentOf(RecordingTicketCommands.Sent sent) {
        return ((TicketCommand.AssignToAgent) sent.command()).agentId();
    }

    private void group(String groupId, String json) {
        try {
            var definition = new com.fasterxml.jackson.databind.ObjectMapper().readValue(json,
                    GroupSettingsDefinition.class);
            settings.putGroup(tenant, groupId, definition, Optional.empty());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private void agent(String agentId, String status, Integer capacity, String... groups) {
        settings.putAgent(tenant, agentId, new AgentSettingsDefinition(null, null, capacity, null, null, status,
                Arrays.asList(groups)).validate(), Optional.empty());
    }
}
