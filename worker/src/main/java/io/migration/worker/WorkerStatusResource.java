package io.migration.worker;

import io.migration.worker.amqp.ConsumerPool;
import io.migration.worker.control.FleetHeartbeat;
import io.migration.worker.resilience.FleetGate;
import io.migration.worker.resilience.FleetPace;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /status}: who this worker is, whether it consumes, and why not. */
@Path("/status")
@Produces(MediaType.APPLICATION_JSON)
public final class WorkerStatusResource {

    private final String workerName;
    private final ConsumerPool consumers;
    private final FleetGate gate;
    private final FleetPace pace;
    private final FleetHeartbeat heartbeat;

    public WorkerStatusResource(String workerName, ConsumerPool consumers, FleetGate gate, FleetPace pace,
            FleetHeartbeat heartbeat) {
        this.workerName = workerName;
        this.consumers = consumers;
        this.gate = gate;
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
        out.put("notConsumingBecause", gate.closedReason());
        out.put("consumptionProblem", consumers.consumptionProblem());
        out.put("paceLimitRowsPerSecond", pace.limit());
        out.put("fleetBudgetRowsPerSecond", pace.budget());
        out.put("slowdownFactor", pace.slowdown());
        out.put("readRowsPerSecond", heartbeat.readRate());
        return out;
    }
}
