package io.migration.worker.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import io.micrometer.core.instrument.MeterRegistry;
import io.migration.common.config.DatabaseSettings;
import io.migration.common.db.DataSources;
import io.migration.common.db.DataSources.PoolOptions;
import io.migration.worker.health.DatabaseHealthCheck;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.util.concurrent.TimeUnit;

/**
 * One HikariCP pool, built and registered as a {@link Managed} with its own health check (what
 * Dropwizard's JdbiFactory does for its own pool, FIELD-NOTES).
 */
public final class DatabaseFactory {

    @NotEmpty
    private String url;

    private String user = "";
    private String password = "";

    @Min(1)
    @Max(100)
    private int maxPoolSize = 3;

    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration socketTimeout = Duration.minutes(5);

    private Duration statementTimeout = Duration.minutes(5);

    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration connectionTimeout = Duration.seconds(5);

    @JsonProperty
    public String getUrl() {
        return url;
    }

    @JsonProperty
    public void setUrl(String url) {
        this.url = url;
    }

    @JsonProperty
    public void setUser(String user) {
        this.user = user;
    }

    @JsonProperty
    public void setPassword(String password) {
        this.password = password;
    }

    @JsonProperty
    public int getMaxPoolSize() {
        return maxPoolSize;
    }

    @JsonProperty
    public void setMaxPoolSize(int maxPoolSize) {
        this.maxPoolSize = maxPoolSize;
    }

    @JsonProperty
    public void setSocketTimeout(Duration socketTimeout) {
        this.socketTimeout = socketTimeout;
    }

    @JsonProperty
    public void setStatementTimeout(Duration statementTimeout) {
        this.statementTimeout = statementTimeout;
    }

    @JsonProperty
    public void setConnectionTimeout(Duration connectionTimeout) {
        this.connectionTimeout = connectionTimeout;
    }

    /** The settings, with the OS user when none is configured (CLI.md). */
    public DatabaseSettings settings() {
        String effectiveUser = user == null || user.isBlank() ? System.getProperty("user.name") : user;
        return new DatabaseSettings(url, effectiveUser, password);
    }

    /** The pool, its {@code hikaricp_*} metrics on {@code registry} (tag {@code pool=name}), and its health check. */
    public HikariDataSource build(Environment environment, String name, boolean readOnly, MeterRegistry registry) {
        PoolOptions options = new PoolOptions(
                name,
                maxPoolSize,
                readOnly,
                java.time.Duration.ofMillis(connectionTimeout.toMilliseconds()),
                java.time.Duration.ofMillis(socketTimeout.toMilliseconds()),
                java.time.Duration.ofMillis(statementTimeout.toMilliseconds()));
        // The worker starts even while a database is down; health checks say so until it is back.
        HikariDataSource dataSource = DataSources.create(
                settings(),
                options,
                false,
                config -> config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry)));
        environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() {
                dataSource.close();
            }
        });
        environment.healthChecks().register(name + "-database", new DatabaseHealthCheck(dataSource));
        return dataSource;
    }
}
