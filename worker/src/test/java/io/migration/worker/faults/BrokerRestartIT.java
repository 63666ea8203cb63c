package io.migration.worker.faults;

import io.migration.testsupport.PrivateBroker;
import io.migration.testsupport.RealServices;
import io.migration.testsupport.TestServices;
import io.migration.worker.it.WorkerProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The broker itself disturbed in the middle of a run, on a RabbitMQ node of this class's own
 * (never the machine's shared broker): restarted, or closing every client connection. The workers
 * reconnect by themselves; deliveries whose acks were lost come back and are ignored or re-run.
 */
@RealServices
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerRestartIT {

    private PrivateBroker node;
    private FaultRig rig;

    @BeforeAll
    void startNode(TestServices services) throws Exception {
        node = PrivateBroker.start("faults");
        rig = FaultRig.seed(services, node.amqpUri(), 6, 3000, 103);
        rig.targetFaults().slowRecipientWrites(Duration.ofMillis(200));
    }

    @AfterAll
    void stopNode() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void aBrokerRestartedInTheMiddleOfARunLosesNothing() throws Exception {
        FaultOracle oracle = FaultOracle.of(rig, "broker-restart");
        List<WorkerProcess> workers = rig.startWorkers("restart", 2, rig.workerEnv(Map.of()));
        try {
            rig.enqueue("broker-restart", 400);
            rig.awaitMidRun("broker-restart", 10);
            node.stop();
            for (WorkerProcess w : workers) {
                w.awaitLine("broker connection lost", Duration.ofSeconds(60));
            }
            Thread.sleep(5_000);
            node.launch();
            for (WorkerProcess w : workers) {
                w.awaitLine("broker connection recovered", Duration.ofSeconds(120));
            }
            oracle.awaitSettled();
        } finally {
            FaultRig.stopAll(workers);
        }
        oracle.assertClean();
    }

    @Test
    void everyConnectionClosedByTheBrokerInTheMiddleOfARunLosesNothing() throws Exception {
        FaultOracle oracle = FaultOracle.of(rig, "connections-closed");
        List<WorkerProcess> workers = rig.startWorkers("closed", 2, rig.workerEnv(Map.of()));
        try {
            rig.enqueue("connections-closed", 400);
            rig.awaitMidRun("connections-closed", 10);
            node.closeAllConnections("fault test: close_all_connections");
            for (WorkerProcess w : workers) {
                w.awaitLine("broker connection recovered", Duration.ofSeconds(120));
            }
            oracle.awaitSettled();
        } finally {
            FaultRig.stopAll(workers);
        }
        oracle.assertClean();
    }
}
