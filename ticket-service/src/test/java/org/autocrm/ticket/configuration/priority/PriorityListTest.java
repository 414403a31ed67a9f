package org.autocrm.ticket.configuration.priority;

import static org.autocrm.ticket.configuration.BrokenRule.expectRefused;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.autocrm.events.Actor;
import org.autocrm.events.PrioritiesDefined;
import org.autocrm.ticket.configuration.ConfigurationRule;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PriorityListTest {

    private static final Actor ADA = new Actor("ada", "admin");
    private static final String LIST = "priorities:acme";

    private AggregateTestFixture<PriorityList> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PriorityList.class);
    }

    @Test
    void theFirstDefinitionCreatesTheTenantsList() {
        fixture.givenNoPriorActivity()
                .when(define("P4", "P3", "P2", "P1"))
                .expectEvents(new PrioritiesDefined(LIST, "acme", List.of("P4", "P3", "P2", "P1"), ADA,
                        fixture.currentTime()));
    }

    @Test
    void theFirstDefinitionIsRecordedEvenWhenItIsTheDefaults() {
        fixture.givenNoPriorActivity()
                .when(define("LOW", "MEDIUM", "HIGH", "URGENT"))
                .expectEvents(new PrioritiesDefined(LIST, "acme", List.of("LOW", "MEDIUM", "HIGH", "URGENT"), ADA,
                        fixture.currentTime()));
    }

    @Test
    void replacesTheList() {
        fixture.given(defined("LOW", "HIGH"))
                .when(define("LOW", "NORMAL", "VERY_HIGH"))
                .expectEvents(new PrioritiesDefined(LIST, "acme", List.of("LOW", "NORMAL", "VERY_HIGH"), ADA,
                        fixture.currentTime()));
    }

    @Test
    void definingTheSameListAgainChangesNothing() {
        fixture.given(defined("LOW", "HIGH"))
                .when(define("LOW", "HIGH"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesAnEmptyListOrMoreThanTen() {
        expectRefused(fixture.givenNoPriorActivity().when(define()), ConfigurationRule.PRIORITIES_COUNT);
        expectRefused(fixture.givenNoPriorActivity().when(new DefinePriorities("acme", null, ADA)),
                ConfigurationRule.PRIORITIES_COUNT);
        expectRefused(fixture.givenNoPriorActivity().when(define(IntStream.rangeClosed(1, 11)
                .mapToObj(i -> "P" + i).toArray(String[]::new))), ConfigurationRule.PRIORITIES_COUNT);
    }

    @Test
    void refusesNamesThatAreNotUpperSnakeCase() {
        for (String name : Arrays.asList("low", "Very high", "VERY-HIGH", "_LOW", "1ST", "", null, "P".repeat(31))) {
            expectRefused(fixture.givenNoPriorActivity().when(new DefinePriorities("acme",
                    Arrays.asList("HIGH", name), ADA)), ConfigurationRule.PRIORITY_NAME_INVALID);
        }
    }

    @Test
    void refusesAPriorityListedTwice() {
        expectRefused(fixture.given(defined("LOW", "HIGH")).when(define("LOW", "HIGH", "LOW")),
                ConfigurationRule.PRIORITIES_DUPLICATED)
                .expectExceptionMessage("priorities must be distinct; LOW is listed twice");
    }

    private static DefinePriorities define(String... priorities) {
        return new DefinePriorities("acme", List.of(priorities), ADA);
    }

    private PrioritiesDefined defined(String... priorities) {
        return new PrioritiesDefined(LIST, "acme", List.of(priorities), ADA, fixture.currentTime());
    }
}
