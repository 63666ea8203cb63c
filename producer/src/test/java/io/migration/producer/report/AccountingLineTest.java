package io.migration.producer.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccountingLineTest {

    @Test
    void closesWhenSourceIsReadPlusOrphanedAndReadIsContributedPlusRejected() {
        AccountingLine line = new AccountingLine("recipient_opens", 110L, 100, 10, 95, 5);
        assertThat(line.closes()).isTrue();
        assertThat(line.check()).isEqualTo("closes");
    }

    @Test
    void saysWhatIsOff() {
        assertThat(new AccountingLine("lists", 110L, 100, 7, 94, 5).check())
                .isEqualTo("source - read - orphaned = 3; read - contributed - rejected = 1");
        AccountingLine uncounted = new AccountingLine("lists", null, 100, 0, 100, 0);
        assertThat(uncounted.closes()).isFalse();
        assertThat(uncounted.check()).startsWith("unknown");
    }
}
