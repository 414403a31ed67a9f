package org.autocrm.routing.sla.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.autocrm.routing.sla.calendar.Calendars.berlin;
import static org.autocrm.routing.sla.clock.TargetStatus.ACTIVE;
import static org.autocrm.routing.sla.clock.TargetStatus.BREACHED;
import static org.autocrm.routing.sla.clock.TargetStatus.FULFILLED;
import static org.autocrm.routing.sla.clock.TargetStatus.PAUSED;
import static org.autocrm.routing.sla.policy.SlaMetric.FIRST_RESPONSE;
import static org.autocrm.routing.sla.policy.SlaMetric.NEXT_RESPONSE;
import static org.autocrm.routing.sla.policy.SlaMetric.RESOLUTION;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.autocrm.routing.sla.calendar.BusinessCalendar;
import org.autocrm.routing.sla.calendar.Calendars;
import org.autocrm.routing.sla.calendar.Holiday;
import org.autocrm.routing.sla.policy.Priority;
import org.autocrm.routing.sla.policy.SlaMetric;
import org.autocrm.routing.sla.policy.SlaTargetsDefinition;
import org.autocrm.routing.sla.policy.TargetDefinition;
import org.junit.jupiter.api.Test;

/**
 * A ticket's SLA clocks as a support lead follows them, with a Berlin desk open Monday to Friday 09:00-17:00 and a
 * policy of: HIGH first response in 4 business hours, next response in 2, resolution in 16; URGENT first response in
 * 1 and resolution in 4; LOW first response in 8; MEDIUM nothing. Warned 30 minutes before a due time.
 */
class TicketSlaClockTest {

    private static final BusinessCalendar DESK = Calendars.weekdays("Europe/Berlin", "09:00-17:00");
    private static final SlaTerms POLICY = new SlaTerms("policy-standard", new SlaTargetsDefinition(Map.of(
            "HIGH", Map.of(
                    "first_response", business(4 * 60),
                    "next_response", business(2 * 60),
                    "resolution", business(16 * 60)),
            "URGENT", Map.of(
                    "first_response", business(60),
                    "resolution", business(4 * 60)),
            "LOW", Map.of("first_response", business(8 * 60))), 30).toTargets(), DESK);

    // Monday 16 March 2026 and the days around it
    private static final String FRIDAY = "2026-03-13T";
    private static final String SATURDAY = "2026-03-14T";
    private static final String MONDAY = "2026-03-16T";
    private static final String TUESDAY = "2026-03-17T";
    private static final String WEDNESDAY = "2026-03-18T";

    @Test
    void aHighTicketOpenedFridayAtHalfPastFourIsDueForAFirstResponseOnMondayAtHalfPastTwelve() {
        TicketSlaClock clock = opened(FRIDAY + "16:30", Priority.HIGH);

        SlaReading now = clock.readAt(berlin(FRIDAY + "16:30"));

        assertThat(now.policyId()).isEqualTo("policy-standard");
        assertThat(now.targets()).extracting(TargetReading::metric).containsExactly(FIRST_RESPONSE, RESOLUTION);
        assertTarget(now, FIRST_RESPONSE, ACTIVE, MONDAY + "12:30", 240);
        // 16 business hours: half an hour on Friday, eight on Monday, seven and a half on Tuesday
        assertTarget(now, RESOLUTION, ACTIVE, TUESDAY + "16:30", 960);
        assertThat(now.nextBreachAt()).isEqualTo(berlin(MONDAY + "12:30"));
        assertThat(now.nextWarningAt()).isEqualTo(berlin(MONDAY + "12:00"));
    }

    @Test
    void theWeekendUsesUpNoBusinessMinutes() {
        TicketSlaClock clock = opened(FRIDAY + "16:30", Priority.HIGH);

        assertTarget(clock.readAt(berlin(SATURDAY + "12:00")), FIRST_RESPONSE, ACTIVE, MONDAY + "12:30", 210);
        assertTarget(clock.readAt(berlin(MONDAY + "10:00")), FIRST_RESPONSE, ACTIVE, MONDAY + "12:30", 150);
    }

    @Test
    void aHolidayOnMondayMovesTheDueTimeToTuesday() {
        SlaTerms withHoliday = new SlaTerms("policy-standard", POLICY.targets(),
                DESK.withHolidays(List.of(new Holiday(LocalDate.parse("2026-03-16"), "Company day"))));

        TicketSlaClock clock = opened(FRIDAY + "16:30", Priority.HIGH).withTerms(withHoliday);

        assertTarget(clock.readAt(berlin(FRIDAY + "16:30")), FIRST_RESPONSE, ACTIVE, TUESDAY + "12:30", 240);
    }

    @Test
    void theWeekendTheClocksGoForwardChangesNoBusinessHours() {
        TicketSlaClock clock = opened("2026-03-27T16:30", Priority.HIGH);

        assertTarget(clock.readAt(berlin("2026-03-29T12:00")), FIRST_RESPONSE, ACTIVE, "2026-03-30T12:30", 210);
    }

    @Test
    void aCalendarHourTargetCountsTheRealHoursOfTheSundayTheClocksGoBack() {
        SlaTerms aroundTheClock = new SlaTerms("policy-24-7", new SlaTargetsDefinition(Map.of(
                "URGENT", Map.of("resolution", new TargetDefinition(24 * 60, "calendar"))), 0).toTargets(), null);

        TicketSlaClock clock = TicketSlaClock.start(
                new TicketFact.Created(berlin("2026-10-24T12:00"), Priority.URGENT, TicketStatus.OPEN), aroundTheClock);

        // Saturday noon plus 24 real hours: the clocks went back an hour in the night, so it is 11:00 on Sunday
        SlaReading reading = clock.readAt(berlin("2026-10-25T10:00"));
        assertTarget(reading, RESOLUTION, ACTIVE, "2026-10-25T11:00", 60);
        assertThat(reading.nextWarningAt()).isNull();
    }

    @Test
    void waitingOnTheCustomerPausesTheClocksAndTheirReplyResumesThemWithTheDueTimeShiftedByThePause() {
        TicketSlaClock clock = opened(MONDAY + "09:00", Priority.HIGH)
                .record(status(MONDAY + "10:00", TicketStatus.PENDING));

        SlaReading waiting = clock.readAt(berlin(MONDAY + "15:00"));
        assertTarget(waiting, FIRST_RESPONSE, PAUSED, null, 180);
        assertTarget(waiting, RESOLUTION, PAUSED, null, 900);
        assertThat(waiting.nextBreachAt()).isNull();
        assertThat(waiting.nextWarningAt()).isNull();

        TicketSlaClock resumed = clock.record(customerWrites(TUESDAY + "10:00"));

        // an hour had passed; paused Monday 10:00-17:00 and Tuesday 09:00-10:00, so three hours from Tuesday 10:00
        SlaReading running = resumed.readAt(berlin(TUESDAY + "10:00"));
        assertTarget(running, FIRST_RESPONSE, ACTIVE, TUESDAY + "13:00", 180);
        assertThat(running.nextBreachAt()).isEqualTo(berlin(TUESDAY + "13:00"));
    }

    @Test
    void movingOnFromPendingResumesTheClocksToo() {
        TicketSlaClock clock = opened(MONDAY + "09:00", Priority.HIGH)
                .record(status(MONDAY + "10:00", TicketStatus.PENDING))
                .record(status(MONDAY + "11:00", TicketStatus.ON_HOLD))
                .record(status(MONDAY + "12:00", TicketStatus.IN_PROGRESS));

        assertTarget(clock.readAt(berlin(MONDAY + "12:00")), FIRST_RESPONSE, ACTIVE, MONDAY + "15:00", 180);
    }

    @Test
    void aCustomerReplyResumesTheClocksOfATicketOnHold() {
        TicketSlaClock clock = opened(MONDAY + "09:00", Priority.HIGH)
                .record(status(MONDAY + "10:00", TicketStatus.ON_HOLD))
                .record(customerWrites(MONDAY + "11:00"));

        assertTarget(clock.readAt(berlin(MONDAY + "11:00")), FIRST_RESPONSE, ACTIVE, MONDAY + "14:00", 180);
    }

    @Test
    void aTicketOpenedWhileWaitingOnTheCustomerStartsPaused() {
        TicketSlaClock clock = TicketSlaClock.start(
                new TicketFact.Created(berlin(MONDAY + "09:00"), Priority.HIGH, TicketStatus.PENDING), POLICY);

        assertTarget(clock.readAt(berlin(MONDAY + "12:00")), FIRST_RESPONSE, PAUSED, null, 240);
    }

    @Test
    void anOverdueTargetIsBreachedWithNegativeBusinessMinutes() {
        TicketSlaClock clock = opened(MONDAY + "09:00", Priority.HIGH);

        assertTarget(clock.readAt(berlin(MONDAY + "12:59:30")), FIRST_RESPONSE, ACTIVE, MONDAY + "13:00", 0);
        assertTarget(clock.readAt(berlin(MONDAY + "13:00")), FIRST_RESPONSE, BREACHED, MONDAY + "13:00", 0);
        assertTarget(clock.readAt(berlin(MONDAY + "13:00:30")), FIRST_RESPONSE, BREACHED, MONDAY + "13:00", -1);
        SlaReading late = clock.readAt(berlin(MONDAY + "14:00"));
        assertTarget(late, FIRST_RESPONSE, BREACHED, MONDAY + "13:00", -60);
        // overnight the desk is closed: still an hour late in business minutes the next morning
        assertTarget(clock.readAt(berlin(TUESDAY + "08:00")), FIRST_RESPONSE, BREACHED, MONDAY + "13:00", -240);
        // the scheduler's next wake-up is the next target's due time, not the one already breached
        assertThat(late.nextBreachAt()).isEqualTo(berlin(TUESDAY + "17:00"));
    }

    @Test
    void aPublicAgentReplyFulfilsTheFirstResponse() {
        TicketSlaClock clock = opened(MONDAY + "09:00", Priority.HIGH)
                .record(new TicketFact.MessageAdded(berlin(MONDAY + "10:00"), AuthorRole.AGENT, Visibility.INTERNAL))
                .record(new TicketFact.MessageAdded(berlin(MONDAY + "10:30"), AuthorRole.SYSTEM, Visibility.PUBLIC))
                .record(agentReplies(MONDAY + "11:00"));

        SlaReading reading = clock.readAt(berlin(MONDAY + "16:00"));
        TargetReading firstResponse = assertTarget(reading, FIRST_RESPONSE, FULFILLED, MONDAY + "13:00", 120);
        assertThat(firstResponse.fulfilledAt()).isEqualTo(berlin(MONDAY + "11:00"));
        assertThat(reading.nextBreachAt()).isEqualTo(berlin(TUESDAY + "17:00"));
    }

    @Test
    void aReplyAfterTheDueTimeStaysBreached() {
        TicketSlaClock clock = opened(MONDAY + "09:00", Priority.HIGH).record(agentReplies(MONDAY + "14:00"));

        TargetReading firstResponse = assertTarget(clock.readAt(berlin(TUESDAY + "09:00")), FIRST_RESPONSE, BREACHED,
                MONDAY + "13:00", -60);
        assertThat(firstResponse.fulfilledAt()).isEqualTo(berlin(MONDAY + "14:00"));
    }

    @Test
    void aCustomerMessageAfterAnAgentReplyStartsNextResponseWhichTheNextPublicReplyFulfils() {
        TicketSlaClock clock = opened(MONDAY + "09:00", Priority.HIGH)
                .record(customerWrites(MONDAY + "09:30"))
                .record(agentReplies(MONDAY + "11:00"));
        assertThat(clock.readAt(berlin(MONDAY + "11:00")).target(NEXT_RESPONSE)).as("nothing to answer yet").isEmpty();

        clock = clock.record(customerWrites(MONDAY + "15:00")).record(customerWrites(MONDAY + "16:00"));
        // counted from the first unanswered message: 15:00 + 2 business hours
        assertTarget(clock.readAt(berlin(MONDAY + "16:00")), NEXT_RESPONSE, ACTIVE, MONDAY + "17:00", 60);

        clock = clock.record(agentReplies(MONDAY + "16:30"));
        assertTarget(clock.readAt(berlin(MONDAY + "16:45")), NEXT_RESPONSE, FULFILLED, MONDAY + "17:00", 30);

        clock = clock.record(customerWrites(TUESDAY + "10:00"));
        assertTarget(clock.readAt(berlin(TUESDAY + "10:00")), NEXT_RESPONSE, ACTIVE, TUESDAY + "12:00", 120);
    }

    @Test
    void changingThePriorityRecomputesTheDueTimesFromTheStart() {
        TicketSlaClock high = opened(MONDAY + "09:00", Priority.HIGH);

        TicketSlaClock urgent = high.record(new TicketFact.PriorityChanged(berlin(MONDAY + "09:30"), Priority.URGENT));
        assertTarget(urgent.readAt(berlin(MONDAY + "09:30")), FIRST_RESPONSE, ACTIVE, MONDAY + "10:00", 30);
        assertTarget(urgent.readAt(berlin(MONDAY + "09:30")), RESOLUTION, ACTIVE, MONDAY + "13:00", 210);

        TicketSlaClock low = urgent.record(new TicketFact.PriorityChanged(berlin(MONDAY + "11:00"), Priority.LOW));
        SlaReading lowReading = low.readAt(berlin(MONDAY + "11:00"));
        assertTarget(lowReading, FIRST_RESPONSE, ACTIVE, MONDAY + "17:00", 360);
        assertThat(lowReading.target(RESOLUTION)).as("the policy sets no resolution target for LOW").isEmpty();

        TicketSlaClock medium = low.record(new TicketFact.PriorityChanged(berlin(MONDAY + "11:30"), Priority.of("MEDIUM")));
        SlaReading mediumReading = medium.readAt(berlin(MONDAY + "11:30"));
        assertThat(mediumReading.targets()).isEmpty();
        assertThat(mediumReading.nextBreachAt()).isNull();
    }

    @Test
    void anotherCalendarOrPolicyRecomputesTheDueTimesAndNoPolicyClearsThem() {
        TicketSlaClock clock = opened(MONDAY + "09:00", Priority.HIGH);
        BusinessCalendar longerDays = Calendars.weekdays("Europe/Berlin", "08:00-18:00");

        TicketSlaClock longer = clock.withTerms(new SlaTerms("policy-standard", POLICY.targets(), longerDays));
        assertTarget(longer.readAt(berlin(MONDAY + "10:00")), FIRST_RESPONSE, ACTIVE, MONDAY + "13:00", 180);
        assertTarget(longer.readAt(berlin(MONDAY + "10:00")), RESOLUTION, ACTIVE, TUESDAY + "15:00", 900);

        SlaReading none = clock.withTerms(null).readAt(berlin(MONDAY + "10:00"));
        assertThat(none.policyId()).isNull();
        assertThat(none.targets()).isEmpty();
        assertThat(none.nextBreachAt()).isNull();
    }

    @Test
    void resolvingFulfilsResolutionAndReopeningStartsItAgain() {
        TicketSlaClock resolved = opened(MONDAY + "09:00", Priority.HIGH)
                .record(agentReplies(MONDAY + "10:00"))
                .record(status(TUESDAY + "10:00", TicketStatus.RESOLVED));

        SlaReading done = resolved.readAt(berlin(WEDNESDAY + "09:00"));
        assertTarget(done, RESOLUTION, FULFILLED, TUESDAY + "17:00", 420);
        assertThat(done.nextBreachAt()).isNull();

        // the customer writes back: ticket-service reopens the ticket
        TicketSlaClock reopened = resolved.record(customerWrites(WEDNESDAY + "10:00"))
                .record(status(WEDNESDAY + "10:00", TicketStatus.OPEN));

        SlaReading again = reopened.readAt(berlin(WEDNESDAY + "10:00"));
        // the full 16 business hours from the reopening: Wednesday 7, Thursday 8, Friday 1
        assertTarget(again, RESOLUTION, ACTIVE, "2026-03-20T10:00", 960);
        assertTarget(again, NEXT_RESPONSE, ACTIVE, WEDNESDAY + "12:00", 120);
        assertTarget(again, FIRST_RESPONSE, FULFILLED, MONDAY + "13:00", 180);
        assertThat(again.nextBreachAt()).isEqualTo(berlin(WEDNESDAY + "12:00"));
    }

    @Test
    void resolvingWithoutAReplyStopsTheReplyClockAndAClosedTicketIsFinal() {
        TicketSlaClock closed = opened(MONDAY + "09:00", Priority.HIGH)
                .record(status(MONDAY + "10:00", TicketStatus.CLOSED))
                .record(status(MONDAY + "11:00", TicketStatus.OPEN));

        SlaReading reading = closed.readAt(berlin(WEDNESDAY + "09:00"));
        assertThat(reading.targets()).extracting(TargetReading::status).containsOnly(FULFILLED);
        assertThat(reading.nextBreachAt()).isNull();
        assertThat(closed.state().status()).isEqualTo(TicketStatus.CLOSED);
    }

    @Test
    void aTargetIsAtRiskFromTheWarningLeadBeforeItsDueTime() {
        TicketSlaClock clock = opened(MONDAY + "09:00", Priority.HIGH);

        TargetReading before = clock.readAt(berlin(MONDAY + "12:29")).target(FIRST_RESPONSE).orElseThrow();
        assertThat(before.warningAt()).isEqualTo(berlin(MONDAY + "12:30"));
        assertThat(before.atRisk()).isFalse();
        assertThat(clock.readAt(berlin(MONDAY + "12:29")).nextWarningAt()).isEqualTo(berlin(MONDAY + "12:30"));

        SlaReading atWarning = clock.readAt(berlin(MONDAY + "12:30"));
        assertThat(atWarning.target(FIRST_RESPONSE).orElseThrow().atRisk()).isTrue();
        // the next warning after this one is resolution's, half an hour before Tuesday 17:00
        assertThat(atWarning.nextWarningAt()).isEqualTo(berlin(TUESDAY + "16:30"));
    }

    @Test
    void aWarningAfterAPauseCountsThePauseToo() {
        TicketSlaClock clock = opened(MONDAY + "09:00", Priority.URGENT)
                .record(status(MONDAY + "09:20", TicketStatus.PENDING))
                .record(customerWrites(MONDAY + "10:00"));

        // 20 minutes before the pause, 40 after it: due 10:40, warned 30 minutes before
        TargetReading firstResponse = clock.readAt(berlin(MONDAY + "10:00")).target(FIRST_RESPONSE).orElseThrow();
        assertThat(firstResponse.dueAt()).isEqualTo(berlin(MONDAY + "10:40"));
        assertThat(firstResponse.warningAt()).isEqualTo(berlin(MONDAY + "10:10"));
    }

    @Test
    void aStoredClockReadsTheSameOnceRestored() {
        TicketSlaClock clock = opened(MONDAY + "09:00", Priority.HIGH)
                .record(status(MONDAY + "10:00", TicketStatus.PENDING))
                .record(customerWrites(TUESDAY + "10:00"))
                .record(agentReplies(TUESDAY + "11:00"));

        TicketSlaClock restored = TicketSlaClock.restore(clock.state(), POLICY);

        assertThat(restored.readAt(berlin(TUESDAY + "12:00"))).isEqualTo(clock.readAt(berlin(TUESDAY + "12:00")));
    }

    @Test
    void aLateArrivingFactCountsAsHappeningAtTheLatestKnownInstant() {
        TicketSlaClock clock = opened(MONDAY + "09:00", Priority.HIGH)
                .record(status(MONDAY + "10:00", TicketStatus.PENDING))
                .record(customerWrites(MONDAY + "09:30"));

        assertThat(clock.state().pauses()).isEmpty();
        assertTarget(clock.readAt(berlin(MONDAY + "10:00")), FIRST_RESPONSE, ACTIVE, MONDAY + "13:00", 180);
    }

    @Test
    void aRepeatedOpeningChangesNothing() {
        TicketSlaClock clock = opened(MONDAY + "09:00", Priority.HIGH);

        TicketSlaClock again = clock.record(new TicketFact.Created(berlin(MONDAY + "10:00"), Priority.LOW, TicketStatus.OPEN));

        assertThat(again.state()).isEqualTo(clock.state());
    }

    private static TicketSlaClock opened(String berlinTime, Priority priority) {
        return TicketSlaClock.start(new TicketFact.Created(berlin(berlinTime), priority, TicketStatus.OPEN), POLICY);
    }

    private static TicketFact status(String berlinTime, TicketStatus to) {
        return new TicketFact.StatusChanged(berlin(berlinTime), to);
    }

    private static TicketFact customerWrites(String berlinTime) {
        return new TicketFact.MessageAdded(berlin(berlinTime), AuthorRole.CUSTOMER, Visibility.PUBLIC);
    }

    private static TicketFact agentReplies(String berlinTime) {
        return new TicketFact.MessageAdded(berlin(berlinTime), AuthorRole.AGENT, Visibility.PUBLIC);
    }

    private static TargetDefinition business(int minutes) {
        return new TargetDefinition(minutes, "business");
    }

    private static TargetReading assertTarget(SlaReading reading, SlaMetric metric, TargetStatus status, String dueBerlin,
                                              long minutesLeft) {
        TargetReading target = reading.target(metric).orElseThrow(() -> new AssertionError("no " + metric + " in " + reading));
        Instant due = dueBerlin == null ? null : berlin(dueBerlin);
        assertThat(target.status()).as("%s status", metric).isEqualTo(status);
        assertThat(target.dueAt()).as("%s due", metric).isEqualTo(due);
        assertThat(target.minutesLeft()).as("%s minutes left", metric).isEqualTo(minutesLeft);
        return target;
    }
}
