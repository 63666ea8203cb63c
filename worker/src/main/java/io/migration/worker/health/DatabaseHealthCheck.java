package io.migration.worker.health;

import com.codahale.metrics.health.HealthCheck;
import java.sql.Connection;
import javax.sql.DataSource;

/** Healthy when a pooled connection answers within two seconds. */
public final class DatabaseHealthCheck extends HealthCheck {

    private final DataSource dataSource;

    public DatabaseHealthCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    protected Result check() {
        try (Connection conn = dataSource.getConnection()) {
            return conn.isValid(2) ? Result.healthy() : Result.unhealthy("connection did not answer in 2 s");
        } catch (Exception e) {
            return Result.unhealthy("cannot connect: " + e.getMessage());
        }
    }
}
