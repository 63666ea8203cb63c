package io.migration.worker.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** {@code worker.yml}: every setting overridable by an environment variable. */
public final class WorkerConfiguration extends Configuration {

    @NotEmpty
    @Pattern(regexp = "[A-Za-z0-9._-]+", message = "FLEET_NAME may hold letters, digits, '.', '_' and '-' only")
    private String fleetName = "migration";

    private String workerName = "";

    @NotEmpty
    private String amqpUri;

    @Valid
    @NotNull
    private DatabaseFactory source = new DatabaseFactory();

    @Valid
    @NotNull
    private DatabaseFactory target = new DatabaseFactory();

    @Valid
    @NotNull
    private ConsumerFactory consumer = new ConsumerFactory();

    @Valid
    @NotNull
    private BreakerFactory breakers = new BreakerFactory();

    @Valid
    @NotNull
    private PaceFactory pace = new PaceFactory();

    @JsonProperty
    public String getFleetName() {
        return fleetName;
    }

    @JsonProperty
    public void setFleetName(String fleetName) {
        this.fleetName = fleetName;
    }

    /** The name this worker records in the ledger: configured, else host and process id. */
    public String getWorkerName() {
        if (workerName != null && !workerName.isBlank()) {
            return workerName;
        }
        return ProcessHandle.current().info().command().isPresent()
                ? hostName() + "-" + ProcessHandle.current().pid()
                : hostName();
    }

    @JsonProperty
    public void setWorkerName(String workerName) {
        this.workerName = workerName;
    }

    public String getAmqpUri() {
        return amqpUri;
    }

    @JsonProperty
    public void setAmqpUri(String amqpUri) {
        this.amqpUri = amqpUri;
    }

    @JsonProperty
    public DatabaseFactory getSource() {
        return source;
    }

    @JsonProperty
    public void setSource(DatabaseFactory source) {
        this.source = source;
    }

    @JsonProperty
    public DatabaseFactory getTarget() {
        return target;
    }

    @JsonProperty
    public void setTarget(DatabaseFactory target) {
        this.target = target;
    }

    @JsonProperty
    public ConsumerFactory getConsumer() {
        return consumer;
    }

    @JsonProperty
    public void setConsumer(ConsumerFactory consumer) {
        this.consumer = consumer;
    }

    @JsonProperty
    public BreakerFactory getBreakers() {
        return breakers;
    }

    @JsonProperty
    public void setBreakers(BreakerFactory breakers) {
        this.breakers = breakers;
    }

    @JsonProperty
    public PaceFactory getPace() {
        return pace;
    }

    @JsonProperty
    public void setPace(PaceFactory pace) {
        this.pace = pace;
    }

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "worker";
            }
        }
        return host;
    }
}
