package org.autocrm.ticket.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.autocrm.events.Actor;
import org.autocrm.events.CustomerCreated;
import org.autocrm.events.CustomerUpdated;
import org.autocrm.ticket.refusal.Refused;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerTest {

    private static final String CUSTOMER = "4a0b6c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d";
    private static final String OTHER_CUSTOMER = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a";
    private static final Actor MARIA = new Actor("maria", "agent");
    private static final Actor SARAH = new Actor("sarah", "customer");

    private AggregateTestFixture<Customer> fixture;
    private final InMemoryRegister register = new InMemoryRegister();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Customer.class);
        fixture.registerAnnotatedCommandHandler(new CreatingCustomer(fixture.getRepository(), register));
        fixture.registerAnnotatedCommandHandler(new UpdatingCustomer(fixture.getRepository(), register));
    }

    @Test
    void createsCustomerWithTrimmedFieldsAndLowerCaseEmailsPrimaryFirst() {
        fixture.givenNoPriorActivity()
                .when(new CreateCustomer(CUSTOMER, "acme", "  Anna Schmidt ",
                        List.of(" Anna.Schmidt@Example.COM", "anna@home.example", "ANNA@home.example"),
                        " +49 30 1234567 ", "Example GmbH", "gold", "DE-ch", "Europe/Berlin", "crm-42", MARIA))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CustomerCreated(CUSTOMER, "acme", "Anna Schmidt",
                        List.of("anna.schmidt@example.com", "anna@home.example"), "+49 30 1234567", "Example GmbH",
                        "gold", "de-CH", "Europe/Berlin", "crm-42", MARIA, fixture.currentTime()))
                .expectResultMessagePayload(new SavedCustomer(CUSTOMER, 0));
        assertThat(register.owners).containsOnly(
                Map.entry("acme/anna.schmidt@example.com", CUSTOMER), Map.entry("acme/anna@home.example", CUSTOMER));
        assertThat(register.recorded).containsExactly(CUSTOMER + "@0");
    }

    @Test
    void createsCustomerWithoutEmailOrLoginAndBlankFieldsAsAbsent() {
        fixture.givenNoPriorActivity()
                .when(new CreateCustomer(CUSTOMER, "acme", "Walk-in customer", null, " ", "", null, null, null, null,
                        MARIA))
                .expectEvents(new CustomerCreated(CUSTOMER, "acme", "Walk-in customer", List.of(), null, null, null,
                        null, null, null, MARIA, fixture.currentTime()));
        assertThat(register.owners).isEmpty();
    }

    @Test
    void letsEveryStaffRoleCreateCustomers() {
        for (String role : List.of("admin", "team_lead", "agent")) {
            Actor staff = new Actor("staff-1", role);
            fixture.givenNoPriorActivity()
                    .when(new CreateCustomer(CUSTOMER, "acme", "Anna", List.of(), null, null, null, null, null, null,
                            staff))
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Test
    void refusesCustomerWithoutName() {
        fixture.givenNoPriorActivity()
                .when(create(" ", List.of("anna@example.com")))
                .expectException(breaking(CustomerRule.CUSTOMER_NAME_REQUIRED))
                .expectExceptionMessage("name is required: a customer needs a name")
                .expectNoEvents();
        assertThat(register.owners).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "anna", "anna@", "@example.com", "anna@example", "anna@@example.com",
            "anna@example..com", ".anna@example.com", "an na@example.com", "anna@-example.com", "anna@example.c"})
    void refusesInvalidEmailNamingIt(String email) {
        fixture.givenNoPriorActivity()
                .when(create("Anna", List.of("ok@example.com", email)))
                .expectException(breaking(CustomerRule.CUSTOMER_EMAIL_INVALID))
                .expectExceptionMessage("emails[1] '" + email + "' is not a valid email address")
                .expectNoEvents();
        assertThat(register.owners).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"o'brien+support@mail.example.co.uk", "jörg@bücher.example", "x@xn--p1ai.example.org"})
    void acceptsUnusualButValidEmails(String email) {
        fixture.givenNoPriorActivity()
                .when(create("Anna", List.of(email)))
                .expectSuccessfulHandlerExecution();
    }

    @ParameterizedTest
    @ValueSource(strings = {"english", "e", "de_CH", "12", "x-private", "de-"})
    void refusesLanguageThatIsNotABcp47Tag(String language) {
        fixture.givenNoPriorActivity()
                .when(new CreateCustomer(CUSTOMER, "acme", "Anna", List.of(), null, null, null, language, null, null,
                        MARIA))
                .expectException(breaking(CustomerRule.CUSTOMER_LANGUAGE_INVALID))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mars/Olympus_Mons", "europe/berlin", "GMT+99", "CEST"})
    void refusesUnknownTimeZone(String zone) {
        fixture.givenNoPriorActivity()
                .when(new CreateCustomer(CUSTOMER, "acme", "Anna", List.of(), null, null, null, null, zone, null,
                        MARIA))
                .expectException(breaking(CustomerRule.CUSTOMER_TIME_ZONE_INVALID))
                .expectExceptionMessage("timeZone '" + zone + "' is not a time zone such as Europe/Berlin")
                .expectNoEvents();
    }

    @Test
    void refusesEmailAnotherCustomerOfTheTenantHasNamingBoth() {
        register.owners.put("acme/anna@example.com", OTHER_CUSTOMER);

        fixture.givenNoPriorActivity()
                .when(create("Anna", List.of("new@example.com", "ANNA@example.com")))
                .expectException(breaking(CustomerRule.CUSTOMER_EMAIL_TAKEN))
                .expectException(Matchers.predicate(e -> ((Refused) e).details()
                        .equals(Map.of("email", "anna@example.com", "existingCustomerId", OTHER_CUSTOMER))))
                .expectExceptionMessage("email anna@example.com already belongs to customer " + OTHER_CUSTOMER)
                .expectNoEvents();
        assertThat(register.recorded).isEmpty();
    }

    @Test
    void refusesCustomerRoleCreatingCustomers() {
        fixture.givenNoPriorActivity()
                .when(new CreateCustomer(CUSTOMER, "acme", "Sarah", List.of("sarah@example.com"), null, null, null,
                        null, null, null, SARAH))
                .expectException(breaking(CustomerRule.CUSTOMER_EDIT_FORBIDDEN))
                .expectExceptionMessage("role 'customer' may not create customers; only admin, team_lead, agent and api_key may")
                .expectNoEvents();
        assertThat(register.owners).isEmpty();
    }

    @Test
    void replacesEveryFieldAndFreesTheEmailsNoLongerListed() {
        register.owners.put("acme/anna@example.com", CUSTOMER);
        register.owners.put("acme/old@example.com", CUSTOMER);

        fixture.given(created())
                .when(new UpdateCustomer(CUSTOMER, "acme", null, "Anna Meier", List.of("anna@new.example", "ANNA@example.com"),
                        "+41 44 000", "New AG", "standard", "fr-CH", "Europe/Zurich", "crm-43", MARIA))
                .expectEvents(new CustomerUpdated(CUSTOMER, "acme", "Anna Meier",
                        List.of("anna@new.example", "anna@example.com"), "+41 44 000", "New AG", "standard", "fr-CH",
                        "Europe/Zurich", "crm-43", MARIA, fixture.currentTime()))
                .expectResultMessagePayload(new SavedCustomer(CUSTOMER, 1));
        assertThat(register.owners).containsOnly(
                Map.entry("acme/anna@new.example", CUSTOMER), Map.entry("acme/anna@example.com", CUSTOMER));
        assertThat(register.recorded).containsExactly(CUSTOMER + "@1");
    }

    @Test
    void updateThatChangesNothingRecordsNoEventAndKeepsTheVersion() {
        fixture.given(created())
                .when(new UpdateCustomer(CUSTOMER, "acme", 0L, " Anna ", List.of("ANNA@example.com", "old@example.com"),
                        null, null, null, "en", null, null, MARIA))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new SavedCustomer(CUSTOMER, 0));
        assertThat(register.recorded).isEmpty();
    }

    @Test
    void acceptsUpdateAgainstTheCurrentVersion() {
        fixture.given(created(), updated("Anna B"))
                .when(update("Anna C", 1L))
                .expectEvents(new CustomerUpdated(CUSTOMER, "acme", "Anna C", List.of("anna@example.com"), null, null,
                        null, null, null, null, MARIA, fixture.currentTime()))
                .expectResultMessagePayload(new SavedCustomer(CUSTOMER, 2));
    }

    @Test
    void refusesUpdateAgainstAStaleVersionReportingTheCurrentOne() {
        fixture.given(created(), updated("Anna B"), updated("Anna C"))
                .when(update("Anna D", 0L))
                .expectException(Matchers.predicate(e -> e instanceof ConflictingAggregateVersionException conflict
                        && conflict.getExpectedVersion() == 0 && conflict.getActualVersion() == 2))
                .expectNoEvents();
        assertThat(register.owners).isEmpty();
    }

    @Test
    void refusesUpdateAgainstAVersionThatNeverExisted() {
        fixture.given(created())
                .when(update("Anna D", 7L))
                .expectException(ConflictingAggregateVersionException.class)
                .expectNoEvents();
    }

    @Test
    void refusesUpdateTakingAnotherCustomersEmail() {
        register.owners.put("acme/boss@example.com", OTHER_CUSTOMER);

        fixture.given(created())
                .when(new UpdateCustomer(CUSTOMER, "acme", null, "Anna", List.of("boss@example.com"), null, null,
                        null, null, null, null, MARIA))
                .expectException(breaking(CustomerRule.CUSTOMER_EMAIL_TAKEN))
                .expectNoEvents();
    }

    @Test
    void treatsACustomerOfAnotherTenantAsUnknown() {
        fixture.given(created())
                .when(new UpdateCustomer(CUSTOMER, "globex", null, "Anna", List.of(), null, null, null, null, null,
                        null, MARIA))
                .expectException(breaking(CustomerRule.CUSTOMER_NOT_FOUND))
                .expectExceptionMessage("There is no customer " + CUSTOMER)
                .expectNoEvents();
    }

    @Test
    void refusesUpdateOfUnknownCustomer() {
        fixture.givenNoPriorActivity()
                .when(update("Anna", null))
                .expectException(breaking(CustomerRule.CUSTOMER_NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void refusesCustomerRoleEditingCustomers() {
        fixture.given(created())
                .when(new UpdateCustomer(CUSTOMER, "acme", null, "Anna", List.of(), null, null, null, null, null,
                        null, SARAH))
                .expectException(breaking(CustomerRule.CUSTOMER_EDIT_FORBIDDEN))
                .expectNoEvents();
    }

    @Test
    void refusesInvalidFieldsOnUpdateToo() {
        fixture.given(created())
                .when(new UpdateCustomer(CUSTOMER, "acme", null, "Anna", List.of("not-an-address"), null, null, null,
                        "de-CH", "Europe/Atlantis", null, MARIA))
                .expectException(breaking(CustomerRule.CUSTOMER_EMAIL_INVALID))
                .expectNoEvents();
        fixture.given(created())
                .when(new UpdateCustomer(CUSTOMER, "acme", null, "", List.of(), null, null, null, null, null, null, MARIA))
                .expectException(breaking(CustomerRule.CUSTOMER_NAME_REQUIRED))
                .expectNoEvents();
    }

    private static CustomerCreated created() {
        return new CustomerCreated(CUSTOMER, "acme", "Anna", List.of("anna@example.com", "old@example.com"), null,
                null, null, "en", null, null, MARIA, java.time.Instant.parse("2026-01-05T10:00:00Z"));
    }

    private static CustomerUpdated updated(String name) {
        return new CustomerUpdated(CUSTOMER, "acme", name, List.of("anna@example.com"), null, null, null, null, null,
                null, MARIA, java.time.Instant.parse("2026-01-06T10:00:00Z"));
    }

    private static CreateCustomer create(String name, List<String> emails) {
        return new CreateCustomer(CUSTOMER, "acme", name, emails, null, null, null, null, null, null, MARIA);
    }

    private static UpdateCustomer update(String name, Long expectedVersion) {
        return new UpdateCustomer(CUSTOMER, "acme", expectedVersion, name, List.of("anna@example.com"), null, null,
                null, null, null, null, MARIA);
    }

    private static Matcher<Object> breaking(CustomerRule rule) {
        return Matchers.predicate(e -> e instanceof Refused violation && violation.refusal() == rule);
    }

    /** The register as PostgreSQL keeps it, without transactions: a refused command must not have claimed anything. */
    private static final class InMemoryRegister implements CustomerRegister {

        final Map<String, String> owners = new HashMap<>();
        final List<String> recorded = new ArrayList<>();

        @Override
        public Optional<EmailOwner> claimEmails(String tenantId, String customerId, List<String> emails) {
            for (String email : emails) {
                String owner = owners.get(tenantId + "/" + email);
                if (owner != null && !owner.equals(customerId)) {
                    return Optional.of(new EmailOwner(email, owner));
                }
            }
            owners.entrySet().removeIf(e -> e.getValue().equals(customerId)
                    && e.getKey().startsWith(tenantId + "/") && !emails.contains(e.getKey().substring(tenantId.length() + 1)));
            emails.forEach(email -> owners.put(tenantId + "/" + email, customerId));
            return Optional.empty();
        }

        @Override
        public void record(String tenantId, String customerId, CustomerProfile profile, long version) {
            recorded.add(customerId + "@" + version);
        }
    }
}
