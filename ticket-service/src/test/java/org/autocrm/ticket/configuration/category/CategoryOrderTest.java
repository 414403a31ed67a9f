package org.autocrm.ticket.configuration.category;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.autocrm.ticket.configuration.category.CategoryOrder.Placement;
import org.junit.jupiter.api.Test;

class CategoryOrderTest {

    private static final List<String> ORDER = List.of("a", "b", "c", "d", "e");

    @Test
    void movingUpShiftsTheCategoriesInBetweenDownOnePlace() {
        assertThat(CategoryOrder.othersWhenMoving(ORDER, "d", 2))
                .containsExactly(new Placement("b", 3), new Placement("c", 4));
    }

    @Test
    void movingDownShiftsTheCategoriesInBetweenUpOnePlace() {
        assertThat(CategoryOrder.othersWhenMoving(ORDER, "a", 3))
                .containsExactly(new Placement("b", 1), new Placement("c", 2));
    }

    @Test
    void movingToTheEndAndToItsOwnPlace() {
        assertThat(CategoryOrder.othersWhenMoving(ORDER, "b", 5))
                .containsExactly(new Placement("c", 2), new Placement("d", 3), new Placement("e", 4));
        assertThat(CategoryOrder.othersWhenMoving(ORDER, "c", 3)).isEmpty();
    }

    @Test
    void leavingMovesEveryLaterCategoryUpOnePlace() {
        assertThat(CategoryOrder.othersWhenLeaving(ORDER, "c"))
                .containsExactly(new Placement("d", 3), new Placement("e", 4));
        assertThat(CategoryOrder.othersWhenLeaving(ORDER, "e")).isEmpty();
    }
}
