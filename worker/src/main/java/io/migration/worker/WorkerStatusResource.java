package io.migration.worker;

import io.migration.worker.amqp.ConsumerPool;
import io.migration.worker.control.FleetHeartbeat;
import io.migration.worker.resilience.Breakers;
import io.migration.worker.resilience.Database;
import io.migration.worker.resilience.FleetGate;
import io.migration.worker.resilience.FleetPace;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** {@code GET /status}: who this worker is, whether it consumes, and why not (a breaker: by its SQLSTATE). */
@Path("/status")
@Produces(MediaType.APPLICATION_JSON)
public final class WorkerStatusResource {

    private final String workerName;
    private final ConsumerPool consumers;
    private final FleetGate gate;
    private final Breakers breakers;
    private final FleetPace pace;
    private final FleetHeartbeat heartbeat;

    public WorkerStatusResource(
            String workerName,
            ConsumerPool consumers,
            FleetGate gate,
            Breakers breakers,
            FleetPace pace,
            FleetHeartbeat heartbeat) {
        this.workerName = workerName;
        this.consumers = consumers;
        this.gate = gate;
        this.breakers = breakers;
        this.pace = pace;
        this.heartbeat = heartbeat;
    }

    @GET
    public Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("worker", workerName);
        out.put("state", consumers.state());
        out.put("consuming", consumers.activeConsumers() > 0);
        out.put("consumers", consumers.activeConsumers());
        out.put("inFlight", consumers.inFlight());
        out.put("unacknowledged", consumers.heldDeliveries());
        out.put("notConsumingBecause", gate.closedReason());
        out.put("consumptionProblem", consumers.consumptionProblem());
        out.put("breakers", breakers());
        out.put("paceLimitRowsPerSecond", pace.limit());
        out.put("fleetBudgetRowsPerSecond", pace.budget());
        out.put("slowdownFactor", pace.slowdown());
        out.put("readRowsPerSecond", heartbeat.readRate());
        return out;
    }

    /** Each database's breaker state and, while it is not closed, why it opened. */
    private Map<String, Object> breakers() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Database db : Database.values()) {
            Map<String, Object> breaker = new LinkedHashMap<>();
            breaker.put("state", breakers.of(db).getState().name().toLowerCase(Locale.ROOT));
            breakers.openCause(db).ifPresent(cause -> {
                breaker.put("cause", cause.describe());
                breaker.put("sqlState", cause.sqlState());
                breaker.put("sqlClass", cause.sqlClass());
                breaker.put("condition", cause.condition());
                breaker.put("className", cause.className());
                breaker.put("openedAt", cause.openedAt().toString());
            });
            out.put(db.label(), breaker);
        }
        return out;
    }
}
