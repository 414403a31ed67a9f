package org.autocrm.access.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.autocrm.access.Caller;
import org.autocrm.access.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpMethod;

class ApiKeyScopesTest {

    private static final ApiKeyScopes TICKETS = ApiKeyScopes.builder()
            .reads("/api/tickets/config/**", "tickets:read", "admin")
            .writes("/api/tickets/config/**", "admin")
            .reads("/api/tickets/**", "tickets:read")
            .writes("/api/tickets/**", "tickets:write")
            .automationHolds("tickets:read", "tickets:write")
            .build();

    private static final Caller AUTOMATION = new Caller("acme", "routing-service", Role.AUTOMATION);

    @Test
    void anAutomationWorksTicketsWithTheScopesTheServiceGrantsIt() {
        assertThatCode(() -> TICKETS.check(AUTOMATION, HttpMethod.PUT, "/api/tickets/t-1/assign")).doesNotThrowAnyException();
        assertThatCode(() -> TICKETS.check(AUTOMATION, HttpMethod.GET, "/api/tickets/t-1/history")).doesNotThrowAnyException();
        assertThatCode(() -> TICKETS.check(AUTOMATION, HttpMethod.GET, "/api/tickets/config/x")).doesNotThrowAnyException();
    }

    @Test
    void anAutomationNeverChangesWhatNeedsAScopeItIsNotGranted() {
        assertThatThrownBy(() -> TICKETS.check(AUTOMATION, HttpMethod.POST, "/api/tickets/config/x"))
                .isInstanceOf(MissingScope.class).extracting("scope").isEqualTo("admin");
        assertThatThrownBy(() -> TICKETS.check(AUTOMATION, HttpMethod.POST, "/api/customers"))
                .isInstanceOf(MissingScope.class).hasMessage("Automations may not call POST /api/customers");
    }

    @Test
    void anAutomationsOwnTokenScopesCountForNothing() {
        Caller claiming = new Caller("acme", "routing-service", Role.AUTOMATION, Set.of(), Set.of("admin"));
        assertThatThrownBy(() -> TICKETS.check(claiming, HttpMethod.POST, "/api/tickets/config/x"))
                .isInstanceOf(MissingScope.class);
    }

    @Test
    void aServiceThatGrantsNothingIsClosedToAutomations() {
        ApiKeyScopes grantsNothing = ApiKeyScopes.builder().reads("/api/tickets/**", "tickets:read").build();
        assertThatThrownBy(() -> grantsNothing.check(AUTOMATION, HttpMethod.GET, "/api/tickets"))
                .isInstanceOf(MissingScope.class).extracting("scope").isEqualTo("tickets:read");
        assertThatThrownBy(() -> ApiKeyScopes.none().check(AUTOMATION, HttpMethod.GET, "/api/tickets"))
                .isInstanceOf(MissingScope.class);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ADMIN", "TEAM_LEAD", "AGENT", "CUSTOMER"})
    void peopleAreNotJudgedByScopes(Role role) {
        assertThatCode(() -> ApiKeyScopes.none().check(new Caller("acme", "someone", role), HttpMethod.POST, "/api/x"))
                .doesNotThrowAnyException();
    }
}
