package io.migration.producer.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompanyPoolTest {

    private final Rng rng = new Rng(1, 2, 3);

    @Test
    void anEmptyCompanyHasNoRowAndNoList() {
        CompanyPool pool = new CompanyPool(7, List.of(), List.of());
        assertThat(pool.anyRow(rng)).isEqualTo(-1);
        assertThat(pool.anyList(rng)).isEqualTo(-1);
        assertThat(pool.someRows(rng, 3)).isEmpty();
        assertThat(pool.takeListToDelete(rng)).isEqualTo(-1);
    }

    @Test
    void rowsComeAndGo() {
        CompanyPool pool = new CompanyPool(7, List.of(10L, 11L), List.of(1L));
        pool.addRow(rng, 12);
        pool.removeRow(10);
        pool.removeRow(99);
        for (int i = 0; i < 100; i++) {
            assertThat(pool.anyRow(rng)).isIn(11L, 12L);
        }
        assertThat(pool.someRows(rng, 5)).doesNotHaveDuplicates().isSubsetOf(11L, 12L);
    }

    @Test
    void theLastLiveListIsNeverTakenForDeletion() {
        CompanyPool pool = new CompanyPool(7, List.of(), List.of(1L, 2L));
        long taken = pool.takeListToDelete(rng);
        assertThat(taken).isIn(1L, 2L);
        assertThat(pool.takeListToDelete(rng)).isEqualTo(-1);
        assertThat(pool.anyList(rng)).isEqualTo(taken == 1L ? 2L : 1L);
    }

    @Test
    void thePoolStaysBounded() {
        List<Long> many = new ArrayList<>();
        for (long i = 0; i < CompanyPool.MAX_ROWS; i++) {
            many.add(i);
        }
        CompanyPool pool = new CompanyPool(7, many, List.of(1L));
        pool.addRow(rng, -5);
        assertThat(pool.rowCount()).isEqualTo(CompanyPool.MAX_ROWS);
    }
}
