package io.migration.producer.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class TrafficMixTest {

    @Test
    void anIndexCoversItsShareOfTheUnitInterval() {
        int[] weights = {2, 1};
        assertThat(TrafficMix.index(weights, 0.0)).isZero();
        assertThat(TrafficMix.index(weights, 0.66)).isZero();
        assertThat(TrafficMix.index(weights, 0.67)).isEqualTo(1);
        assertThat(TrafficMix.index(weights, 0.999_999)).isEqualTo(1);
    }

    @Test
    void aZeroWeightIsNeverDrawn() {
        int[] weights = {0, 3, 0, 1, 0};
        for (int i = 0; i < 1000; i++) {
            assertThat(TrafficMix.index(weights, i / 1000.0)).isIn(1, 3);
        }
        assertThat(TrafficMix.index(weights, 0.0)).isEqualTo(1);
        assertThat(TrafficMix.index(weights, Math.nextDown(1.0))).isEqualTo(3);
    }

    @Test
    void refusesWhatIsNotADraw() {
        assertThatThrownBy(() -> TrafficMix.index(new int[] {1}, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrafficMix.index(new int[] {1}, -0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrafficMix.index(new int[] {1}, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrafficMix.index(new int[] {0, 0}, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrafficMix.index(new int[] {2, -1}, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyLegacyWriteIsDrawnAboutAsOftenAsItsWeightSays() {
        Map<TrafficMix.Legacy, Integer> seen = new EnumMap<>(TrafficMix.Legacy.class);
        int n = 200_000;
        Rng rng = new Rng(7, 1, 0);
        for (int i = 0; i < n; i++) {
            seen.merge(TrafficMix.Legacy.draw(rng.nextDouble()), 1, Integer::sum);
        }
        int total = 0;
        for (TrafficMix.Legacy op : TrafficMix.Legacy.values()) {
            total += op.weight();
        }
        for (TrafficMix.Legacy op : TrafficMix.Legacy.values()) {
            assertThat(seen.getOrDefault(op, 0) / (double) n)
                    .as(op.name())
                    .isCloseTo(op.weight() / (double) total, Offset.offset(0.005));
        }
    }

    @Test
    void theServiceInsertsMoreThanItUpdatesAndDeletesButDoesAll() {
        Map<TrafficMix.Service, Integer> seen = new EnumMap<>(TrafficMix.Service.class);
        for (int i = 0; i < 1000; i++) {
            seen.merge(TrafficMix.Service.draw(i / 1000.0), 1, Integer::sum);
        }
        assertThat(seen)
                .containsEntry(TrafficMix.Service.INSERT, 500)
                .containsEntry(TrafficMix.Service.UPDATE, 300)
                .containsEntry(TrafficMix.Service.DELETE, 200);
    }

    @Test
    void onlyWritesOfExistingRowsNeedARecipient() {
        assertThat(TrafficMix.Legacy.INSERT_RECIPIENT.needsRecipient()).isFalse();
        assertThat(TrafficMix.Legacy.NEW_LIST.needsRecipient()).isFalse();
        assertThat(TrafficMix.Legacy.NEW_SUPPRESSION.needsRecipient()).isFalse();
        assertThat(TrafficMix.Legacy.DELETE_RECIPIENT.needsRecipient()).isTrue();
        assertThat(TrafficMix.Legacy.MERGE_EMAIL.needsRecipient()).isTrue();
    }
}
