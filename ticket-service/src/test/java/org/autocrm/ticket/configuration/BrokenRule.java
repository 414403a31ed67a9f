package org.autocrm.ticket.configuration;

import org.autocrm.ticket.refusal.Refused;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;

/** Expectations on refused configuration commands for aggregate fixture tests. */
public final class BrokenRule {

    private BrokenRule() {
    }

    /** The command was refused for this rule, and nothing happened. */
    public static ResultValidator<?> expectRefused(ResultValidator<?> result, ConfigurationRule rule) {
        return result.expectException(brokenRule(rule)).expectNoEvents();
    }

    public static Matcher<Refused> brokenRule(ConfigurationRule rule) {
        return new CustomTypeSafeMatcher<>("a violation of " + rule) {
            @Override
            protected boolean matchesSafely(Refused violation) {
                return violation.refusal() == rule;
            }
        };
    }
}
