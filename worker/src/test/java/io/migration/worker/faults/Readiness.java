package io.migration.worker.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.migration.worker.it.WorkerProcess;
import java.time.Duration;

/** What a worker says about itself while a fault lasts and after: its ready and alive probes. */
final class Readiness {

    private Readiness() {}

    /**
     * Waits until the worker says it is not ready (Kubernetes would stop sending it work) while
     * it stays alive (Kubernetes must not restart it for an outage).
     */
    static void awaitNotReadyButAlive(WorkerProcess worker) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int ready = worker.health("ready");
        while (ready == 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            ready = worker.health("ready");
        }
        assertThat(ready)
                .as("worker %s is not ready during the outage", worker.name())
                .isEqualTo(503);
        assertThat(worker.health("alive"))
                .as("worker %s stays alive during the outage", worker.name())
                .isEqualTo(200);
    }

    /** Waits until the worker says it is ready (its checks run every few seconds, so this lags a little). */
    static void awaitReady(WorkerProcess worker) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int ready = worker.health("ready");
        while (ready != 200 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            ready = worker.health("ready");
        }
        assertThat(ready).as("worker %s is ready", worker.name()).isEqualTo(200);
    }
}
