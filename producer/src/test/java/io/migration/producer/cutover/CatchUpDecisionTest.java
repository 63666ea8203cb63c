package io.migration.producer.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatchUpDecisionTest {

    @ParameterizedTest(name = "pass {0}, {1} changed rows, may freeze {2} -> {3}")
    @CsvSource({
        // passes, changed rows, may freeze, decision   (freeze rows 5000, max passes 20)
        "1,  0,      true,  Freeze",
        "1,  5000,   true,  Freeze",
        "1,  5001,   true,  CopyAgain",
        "3,  10,     false, CopyAgain",
        "20, 10,     false, CopyAgain",
        "19, 90000,  true,  CopyAgain",
        "20, 90000,  true,  GiveUp",
        "25, 5001,   false, GiveUp",
        "25, 4999,   true,  Freeze",
    })
    void decidesByWhatIsLeftAndWhetherAFreezeMayStart(int passes, long changed, boolean mayFreeze, String expected) {
        CatchUpDecision d = CatchUpDecision.after(passes, changed, 5_000, 20, mayFreeze);
        assertThat(d.getClass().getSimpleName()).isEqualTo(expected);
        if (d instanceof CatchUpDecision.GiveUp g) {
            assertThat(g.reason()).contains(changed + " changed source rows").contains("CUTOVER_FREEZE_ROWS 5000");
        }
    }
}
