package org.autocrm.routing.assignment.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.autocrm.routing.assignment.AgentSettingsDefinition;
import org.autocrm.routing.assignment.AssigningInGroup;
import org.autocrm.routing.assignment.AssigningTickets;
import org.autocrm.routing.assignment.GroupSettingsDefinition;
import org.autocrm.routing.assignment.ManagingAssignmentSettings;
import org.autocrm.routing.assignment.OfferingWaitingTickets;
import org.autocrm.routing.assignment.PickingAgents;
import org.autocrm.routing.assignment.RecordingTicketCommands;
import org.autocrm.routing.assignment.SlaDueTimes;
import org.autocrm.routing.assignment.TicketStream;
import org.autocrm.routing.ticketcommands.TicketCommand;
import org.autocrm.routing.tickets.TicketReaction;
import org.autocrm.servicetesting.Piece;
import org.autocrm.servicetesting.RunningInfrastructure;
import org.autocrm.servicetesting.TestCallers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

/**
 * Two routing-service replicas on one MongoDB: the application's own reaction, and a second one built from its own
 * MongoDB client and adapters, sharing nothing in memory with the first. Both are handed every event (as after a
 * rebalance, when a partition's events reach a second replica), on several threads at once; ticket-service is played
 * by {@link RecordingTicketCommands}, which applies each idempotency key once, as ticket-service does, but records
 * every assignment it applies, so a ticket assigned twice under two keys would show.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "autocrm.routing.assignment.offer-pass.enabled=false")
@RunningInfrastructure(Piece.MONGO)
@Import(TwoReplicasIT.Commands.class)
class TwoReplicasIT {

    @TestConfiguration(proxyBeanMethods = false)
    static class Commands {
        @Bean
        @Primary
        RecordingTicketCommands recordingTicketCommands() {
            return new RecordingTicketCommands();
        }
    }

    @Autowired
    AssigningTickets replicaA;
    @Autowired
    ManagingAssignmentSettings settings;
    @Autowired
    RecordingTicketCommands ticketService;
    @Autowired
    DefaultListableBeanFactory beans;
    @Value("${spring.data.mongodb.uri}")
    String mongoUri;

    private SimpleMongoClientDatabaseFactory replicaBMongo;
    private TicketReaction replicaB;
    private MongoWaitingQueue queue;
    private MongoAgentLoads loads;

    private final String tenant = TestCallers.inNewTenant().tenant();
    private final TicketStream stream = new TicketStream(tenant);

    @BeforeEach
    void startSecondReplica() {
        replicaBMongo = new SimpleMongoClientDatabaseFactory(mongoUri);
        MongoTemplate mongo = new MongoTemplate(replicaBMongo);
        MongoAssignmentSettingsStore store = new MongoAssignmentSettingsStore(mongo);
        MongoAssignmentClaims claims = new MongoAssignmentClaims(mongo);
        loads = new MongoAgentLoads(mongo);
        queue = new MongoWaitingQueue(mongo);
        Clock clock = Clock.systemUTC();
        PickingAgents picking = new PickingAgents(store, new MongoGroupRotations(mongo), loads);
        AssigningInGroup assigning = new AssigningInGroup(store, picking, claims, loads, queue, ticketService, clock);
        OfferingWaitingTickets offers = new OfferingWaitingTickets(store, queue, claims, assigning);
        replicaB = new AssigningTickets(store, claims, loads, queue, new MongoTicketGroups(mongo), assigning, offers,
                ticketService, beans.getBeanProvider(SlaDueTimes.class));
    }

    @AfterEach
    void stopSecondReplica() throws Exception {
        replicaBMongo.destroy();
    }

    @Test
    void twoReplicasRacingOverAHundredTicketsAssignEachOnceAndRoundRobinStaysFair() throws Exception {
        group("tier-1", "round_robin", null);
        List<String> agents = List.of("a1", "a2", "a3", "a4", "a5");
        agents.forEach(agent -> agent(agent, null, "tier-1"));

        race(100, "tier-1");

        List<RecordingTicketCommands.Sent> sent = ticketService.applied(tenant);
        assertThat(sent).hasSize(100);
        assertThat(sent.stream().map(RecordingTicketCommands.Sent::ticketId).distinct()).hasSize(100);
        Map<String, Long> perAgent = sent.stream().collect(Collectors.groupingBy(
                s -> ((TicketCommand.AssignToAgent) s.command()).agentId(), Collectors.counting()));
        assertThat(perAgent).containsOnlyKeys(agents);
        assertThat(perAgent.values()).allSatisfy(count -> assertThat(count).isBetween(19L, 21L));
        assertThat(queue.waitingIn(tenant, "tier-1")).isEmpty();
    }

    @Test
    void twoReplicasRacingLeastLoadedNeverPushAnAgentOverItsCap() throws Exception {
        group("billing", "least_loaded", null);
        List<String> agents = List.of("b1", "b2", "b3", "b4", "b5");
        agents.forEach(agent -> agent(agent, 4, "billing"));

        race(30, "billing");

        List<RecordingTicketCommands.Sent> sent = ticketService.applied(tenant);
        assertThat(sent).hasSize(20);
        assertThat(sent.stream().map(RecordingTicketCommands.Sent::ticketId).distinct()).hasSize(20);
        assertThat(loads.openTickets(tenant, agents)).containsOnlyKeys(agents).allSatisfy(
                (agent, open) -> assertThat(open).as(agent).isEqualTo(4));
        assertThat(queue.waitingIn(tenant, "billing")).hasSize(10);
    }

    /**
     * Creates the tickets into the group and hands each ticket's events to both replicas at once, on four threads.
     * A delivery that throws is delivered again, as the stream listener does.
     */
    private void race(int tickets, String groupId) throws Exception {
        List<TicketStream.Delivery> deliveries = new ArrayList<>();
        for (int i = 0; i < tickets; i++) {
            deliveries.add(stream.createdInto(groupId + "-t" + i, groupId, "normal", "en"));
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        try {
            for (TicketStream.Delivery delivery : deliveries) {
                for (TicketReaction replica : List.of(replicaA, replicaB)) {
                    work.add(threads.submit(() -> {
                        start.await();
                        deliverUntilTaken(delivery, replica);
                        return null;
                    }));
                }
            }
            start.countDown();
            for (Future<?> done : work) {
                done.get(2, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static void deliverUntilTaken(TicketStream.Delivery delivery, TicketReaction replica) {
        for (int attempt = 1; ; attempt++) {
            try {
                delivery.to(replica);
                return;
            } catch (RuntimeException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private void group(String groupId, String strategy, Integer cap) {
        settings.putGroup(tenant, groupId, new GroupSettingsDefinition(strategy, null, null, null, cap),
                Optional.empty());
    }

    private void agent(String agentId, Integer capacity, String groupId) {
        settings.putAgent(tenant, agentId, new AgentSettingsDefinition(null, null, capacity, null, null, "available",
                List.of(groupId)).validate(), Optional.empty());
    }
}
