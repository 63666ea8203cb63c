package io.migration.worker;

import io.migration.worker.amqp.ConsumerPool;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** {@code GET /status}: who this worker is and what it is doing. */
@Path("/status")
@Produces(MediaType.APPLICATION_JSON)
public final class WorkerStatusResource {

    private final String workerName;
    private final ConsumerPool consumers;

    public WorkerStatusResource(String workerName, ConsumerPool consumers) {
        this.workerName = workerName;
        this.consumers = consumers;
    }

    @GET
    public Map<String, Object> status() {
        return Map.of("worker", workerName, "consuming", consumers.healthy(), "inFlight", consumers.inFlight());
    }
}
