/**
 * The fault suite (issue #6): integration tests on real services (real worker processes, the
 * machine's PostgreSQL and RabbitMQ, a private RabbitMQ node where the whole broker is disturbed)
 * proving that the fleet loses nothing and dead-letters nothing healthy under faults. Every test
 * ends with {@link io.migration.worker.faults.FaultOracle}: the target equals the expected result,
 * the work queue is empty, the dead-letter queue holds exactly the messages meant to fail, and no
 * fault costs an attempt.
 *
 * <p>Faults are injected with a TCP proxy inside the test ({@link io.migration.worker.faults.TcpProxy}:
 * cut, frozen, slowed), on the test's own target database ({@link io.migration.worker.faults.TargetFaults})
 * and broker objects, with signals to worker and producer processes, and on a private node
 * ({@link io.migration.testsupport.PrivateBroker}); never by stopping the machine's own services.
 *
 * <p>{@code ./mvnw -B verify} runs these classes in three JVMs at once (profile
 * {@code parallel-faults} in worker/pom.xml); {@code -Dit.test=SomeIT} runs one alone. Each
 * worker's output is kept in {@code worker/target/worker-logs/}.
 */
package io.migration.worker.faults;
