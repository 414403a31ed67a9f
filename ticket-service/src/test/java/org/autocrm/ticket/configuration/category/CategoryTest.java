package org.autocrm.ticket.configuration.category;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.autocrm.events.Actor;
import org.autocrm.events.CategoryArchived;
import org.autocrm.events.CategoryCreated;
import org.autocrm.events.CategoryMoved;
import org.autocrm.events.CategoryRenamed;
import org.autocrm.ticket.configuration.ConfigurationRule;
import org.autocrm.ticket.configuration.BrokenRule;
import org.autocrm.ticket.configuration.InMemoryUniqueNames;
import org.autocrm.ticket.configuration.UniqueNames.Kind;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CategoryTest {

    private static final String CATEGORY = "3f0d5a6e-1b2c-4d3e-8f40-5a6b7c8d9e01";
    private static final String OTHER = "7a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d";
    private static final Actor ADA = new Actor("ada", "admin");

    private AggregateTestFixture<Category> fixture;
    private final InMemoryUniqueNames names = new InMemoryUniqueNames();
    private final List<String> activeOrder = new ArrayList<>();
    private final List<String> lockedTenants = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Category.class);
        CategoryList list = tenant -> {
            lockedTenants.add(tenant);
            return List.copyOf(activeOrder);
        };
        fixture.registerInjectableResource(names);
        fixture.registerInjectableResource(list);
        fixture.registerAnnotatedCommandHandler(new ChangingCategory(fixture.getRepository(), list, names));
        fixture.registerAnnotatedCommandHandler(new ArchivingCategory(fixture.getRepository(), list));
    }

    @Test
    void createsCategoryAtTheEndOfTheTenantsListAndClaimsItsName() {
        activeOrder.addAll(List.of("a", "b"));

        fixture.givenNoPriorActivity()
                .when(new CreateCategory(CATEGORY, "acme", "  Billing   and  invoices ", ADA))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CategoryCreated(CATEGORY, "acme", "Billing and invoices", 3, ADA, fixture.currentTime()));
        assertThat(lockedTenants).containsExactly("acme");
        assertThat(names.isHeldBy("acme", Kind.CATEGORY, "billing AND invoices", CATEGORY)).isTrue();
    }

    @Test
    void refusesBlankOrTooLongName() {
        expectRule(fixture.givenNoPriorActivity().when(new CreateCategory(CATEGORY, "acme", "   ", ADA)),
                ConfigurationRule.CATEGORY_NAME_INVALID);
        expectRule(fixture.givenNoPriorActivity().when(new CreateCategory(CATEGORY, "acme", "x".repeat(101), ADA)),
                ConfigurationRule.CATEGORY_NAME_INVALID);
    }

    @Test
    void refusesNameAnotherCategoryOfTheTenantHasWhateverTheCase() {
        names.held("acme", Kind.CATEGORY, "Billing", OTHER);

        expectRule(fixture.givenNoPriorActivity().when(new CreateCategory(CATEGORY, "acme", "BILLING", ADA)),
                ConfigurationRule.CATEGORY_NAME_TAKEN)
                .expectExceptionMessage("name 'BILLING' is already used by another category (archived ones included)");
    }

    @Test
    void allowsTheSameNameInAnotherTenant() {
        names.held("globex", Kind.CATEGORY, "Billing", OTHER);

        fixture.givenNoPriorActivity()
                .when(new CreateCategory(CATEGORY, "acme", "Billing", ADA))
                .expectEvents(new CategoryCreated(CATEGORY, "acme", "Billing", 1, ADA, fixture.currentTime()));
    }

    @Test
    void renamesAndReleasesTheOldName() {
        names.held("acme", Kind.CATEGORY, "Billing", CATEGORY);

        fixture.given(created(1))
                .when(new ChangeCategory(CATEGORY, "acme", "Invoices", null, ADA))
                .expectEvents(new CategoryRenamed(CATEGORY, "acme", "Invoices", ADA, fixture.currentTime()));
        assertThat(names.isHeldBy("acme", Kind.CATEGORY, "Billing", CATEGORY)).isFalse();
        assertThat(names.isHeldBy("acme", Kind.CATEGORY, "invoices", CATEGORY)).isTrue();
    }

    @Test
    void renamesWhenOnlyTheLetterCaseChanges() {
        names.held("acme", Kind.CATEGORY, "Billing", CATEGORY);

        fixture.given(created(1))
                .when(new ChangeCategory(CATEGORY, "acme", "BILLING", null, ADA))
                .expectEvents(new CategoryRenamed(CATEGORY, "acme", "BILLING", ADA, fixture.currentTime()));
    }

    @Test
    void renamingToTheSameNameChangesNothing() {
        fixture.given(created(1))
                .when(new ChangeCategory(CATEGORY, "acme", " Billing ", null, ADA))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesRenameToANameTaken() {
        names.held("acme", Kind.CATEGORY, "Invoices", OTHER);

        expectRule(fixture.given(created(1)).when(new ChangeCategory(CATEGORY, "acme", "invoices", null, ADA)),
                ConfigurationRule.CATEGORY_NAME_TAKEN);
    }

    @Test
    void renamesAnArchivedCategorySoItsNameCanBeReused() {
        fixture.given(created(1), archived())
                .when(new ChangeCategory(CATEGORY, "acme", "Billing (old)", null, ADA))
                .expectEvents(new CategoryRenamed(CATEGORY, "acme", "Billing (old)", ADA, fixture.currentTime()));
    }

    @Test
    void refusesChangesToAnotherTenantsCategoryAsIfItDidNotExist() {
        expectRule(fixture.given(created(1)).when(new ChangeCategory(CATEGORY, "globex", "Mine", null, ADA)),
                ConfigurationRule.CATEGORY_NOT_FOUND)
                .expectExceptionMessage("There is no category " + CATEGORY);
        expectRule(fixture.given(created(1)).when(new ArchiveCategory(CATEGORY, "globex", ADA)),
                ConfigurationRule.CATEGORY_NOT_FOUND);
    }

    @Test
    void refusesChangesToAnUnknownCategory() {
        expectRule(fixture.givenNoPriorActivity().when(new ChangeCategory(CATEGORY, "acme", "Mine", null, ADA)),
                ConfigurationRule.CATEGORY_NOT_FOUND);
    }

    @Test
    void movesCategoryToTheRequestedPlace() {
        activeOrder.add(CATEGORY);

        fixture.given(created(2))
                .when(new ChangeCategory(CATEGORY, "acme", null, 1, ADA))
                .expectEvents(new CategoryMoved(CATEGORY, "acme", 1, ADA, fixture.currentTime()));
        assertThat(lockedTenants).containsExactly("acme");
    }

    @Test
    void movingToItsOwnPlaceChangesNothing() {
        activeOrder.add(CATEGORY);

        fixture.given(created(1))
                .when(new ChangeCategory(CATEGORY, "acme", null, 1, ADA))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void renamesAndMovesInOneCommand() {
        activeOrder.add(CATEGORY);

        fixture.given(created(2))
                .when(new ChangeCategory(CATEGORY, "acme", "Invoices", 1, ADA))
                .expectEvents(new CategoryRenamed(CATEGORY, "acme", "Invoices", ADA, fixture.currentTime()),
                        new CategoryMoved(CATEGORY, "acme", 1, ADA, fixture.currentTime()));
    }

    @Test
    void refusesPlaceOutsideTheList() {
        activeOrder.add(CATEGORY);

        expectRule(fixture.given(created(1)).when(new ChangeCategory(CATEGORY, "acme", null, 2, ADA)),
                ConfigurationRule.CATEGORY_POSITION_OUT_OF_RANGE)
                .expectExceptionMessage("position must be between 1 and 1, the number of active categories");
    }

    @Test
    void refusesRenameAndMoveTogetherWhenTheMoveIsRefused() {
        activeOrder.add(CATEGORY);

        expectRule(fixture.given(created(1)).when(new ChangeCategory(CATEGORY, "acme", "Invoices", 5, ADA)),
                ConfigurationRule.CATEGORY_POSITION_OUT_OF_RANGE);
    }

    @Test
    void refusesMovingAnArchivedCategory() {
        expectRule(fixture.given(created(1), archived()).when(new ChangeCategory(CATEGORY, "acme", null, 1, ADA)),
                ConfigurationRule.CATEGORY_ARCHIVED);
    }

    @Test
    void archivesTheLastCategoryWithoutMovingOthers() {
        activeOrder.add(CATEGORY);

        fixture.given(created(1))
                .when(new ArchiveCategory(CATEGORY, "acme", ADA))
                .expectEvents(new CategoryArchived(CATEGORY, "acme", ADA, fixture.currentTime()));
    }

    @Test
    void refusesArchivingTwice() {
        expectRule(fixture.given(created(1), archived()).when(new ArchiveCategory(CATEGORY, "acme", ADA)),
                ConfigurationRule.CATEGORY_ALREADY_ARCHIVED)
                .expectExceptionMessage("Category 'Billing' is already archived");
    }

    private CategoryCreated created(int position) {
        return new CategoryCreated(CATEGORY, "acme", "Billing", position, ADA, fixture.currentTime());
    }

    private CategoryArchived archived() {
        return new CategoryArchived(CATEGORY, "acme", ADA, fixture.currentTime());
    }

    private static ResultValidator<?> expectRule(ResultValidator<?> result, ConfigurationRule rule) {
        return BrokenRule.expectRefused(result, rule);
    }
}
