package io.migration.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.migration.common.config.DatabaseSettings;
import io.migration.common.db.DataSources.PoolOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DataSourcesTest {

    /** A lock wait must end as 55P03 before the statement timeout (57014) would: the worker reads them differently. */
    @Test
    void aStatementTimeoutComesWithALockTimeoutJustUnderIt() {
        assertThat(DataSources.lockTimeout(Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(270));
        assertThat(DataSources.lockTimeout(Duration.ofSeconds(3))).isEqualTo(Duration.ofMillis(2700));
        assertThat(DataSources.lockTimeout(Duration.ofMillis(1))).isEqualTo(Duration.ofMillis(1));

        try (HikariDataSource pool = DataSources.create(
                new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/x", "u", ""),
                PoolOptions.defaults("t").withStatementTimeout(Duration.ofSeconds(3)),
                false)) {
            assertThat(pool.getDataSourceProperties().getProperty("options"))
                    .isEqualTo("-c statement_timeout=3000 -c lock_timeout=2700");
        }
        try (HikariDataSource pool = DataSources.create(
                new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/x", "u", ""), PoolOptions.defaults("t"), false)) {
            assertThat(pool.getDataSourceProperties().getProperty("options"))
                    .as("no timeout, no lock timeout")
                    .isNull();
        }
    }
}
