package org.autocrm.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void staffArePeopleOfTheOrganisationAndApiKeysActForItWithoutBeingStaff() {
        assertThat(Role.values()).filteredOn(Role::isStaff).containsExactly(Role.ADMIN, Role.TEAM_LEAD, Role.AGENT);
        assertThat(Role.values()).filteredOn(Role::actsForOrganisation)
                .containsExactly(Role.ADMIN, Role.TEAM_LEAD, Role.AGENT, Role.API_KEY, Role.AUTOMATION);
        assertThat(Role.values()).filteredOn(Role::leadsTeams).containsExactly(Role.ADMIN, Role.TEAM_LEAD);
    }

    @Test
    void rolesAreWrittenAsTokensAndEventsWriteThem() {
        assertThat(Role.allValues()).containsExactly("admin", "team_lead", "agent", "customer", "api_key", "automation");
        assertThat(Role.of("team_lead")).contains(Role.TEAM_LEAD);
        assertThat(Role.of("superuser")).isEmpty();
    }
}
