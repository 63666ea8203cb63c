package io.migration.producer.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.GetResponse;
import io.migration.common.amqp.Topology;
import io.migration.common.ledger.PlannedTask;
import io.migration.common.message.RunMode;
import io.migration.common.message.TaskGroup;
import io.migration.common.message.TaskMessageCodec;
import io.migration.producer.cli.CliRun;
import io.migration.testsupport.Broker;
import io.migration.testsupport.RealServices;
import io.migration.testsupport.Sql;
import io.migration.testsupport.TestServices;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** dlq list, replay and purge end to end on dead letters made the worker's way and the broker's. */
@RealServices
class DlqCommandIT {

    private static final String RUN = "r-dlq";
    private static Map<String, String> env;
    private static Sql target;
    private static Topology topology;
    private static Broker broker;
    private static PlannedTask taskA;
    private static PlannedTask taskB;

    @BeforeAll
    static void planARun(TestServices services) throws Exception {
        env = services.environment();
        target = new Sql(services.target());
        topology = new Topology(services.fleetName());
        assertThat(CliRun.run(env, "seed", "--companies", "3", "--rows", "300").exitCode())
                .isZero();
        assertThat(CliRun.run(env, "migrate-schema").exitCode()).isZero();
        assertThat(CliRun.run(
                                env,
                                "enqueue",
                                "--mode",
                                "migrate",
                                "--skip-readiness-check",
                                "--companies",
                                "1,2",
                                "--run-id",
                                RUN,
                                "--shard-rows",
                                "100")
                        .exitCode())
                .isZero();
        broker = new Broker(services.amqpUri(), services.fleetName());
        taskA = task(1, TaskGroup.RECIPIENTS);
        taskB = task(2, TaskGroup.RECIPIENTS);
    }

    @AfterAll
    static void closeBroker() throws Exception {
        broker.close();
    }

    @BeforeEach
    void emptyQueuesAndDeadTasks() throws Exception {
        broker.declareTopology();
        broker.purgeAll();
        target.exec(
                "UPDATE migration.tasks SET state = 'dead', attempts = 3, unfinished = 1, error = 'boom'"
                        + " WHERE run_id = ?",
                RUN);
    }

    @Test
    void listShowsWorkerAndBrokerDeadLettersAndConsumesNothing() throws Exception {
        workerDeadLetter(taskA);
        broker.brokerDeadLetter(body(taskB));
        malformedDeadLetter();

        CliRun table = CliRun.run(env, "dlq", "list");

        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.outLines()).hasSize(4);
        assertThat(table.outLines().get(0)).startsWith("RUN").contains("COMPANY", "REASON", "ERROR CLASS", "WORKER");
        assertThat(table.out()).contains("failed", "40P01", "w-test", "rejected", "broker", "malformed_message");
        assertThat(table.err()).contains("3 dead letter(s) in " + topology.deadQueue());
        assertThat(broker.deadLetterCountSettledAt(3)).isEqualTo(3);

        JsonNode rejected = json(CliRun.run(env, "dlq", "list", "--format", "json", "--reason", "rejected"));
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0).get("runId").asText()).isEqualTo(RUN);
        assertThat(rejected.get(0).get("companyId").asLong()).isEqualTo(2);
        assertThat(rejected.get(0).get("table").asText()).isEqualTo("recipients");
        assertThat(rejected.get(0).get("deadLetteredBy").asText()).isEqualTo("broker");

        assertThat(json(CliRun.run(env, "dlq", "list", "--format", "json", "--company", "1")))
                .hasSize(1);
        assertThat(json(CliRun.run(env, "dlq", "list", "--format", "json", "--run-id", RUN)))
                .hasSize(2);
        CliRun limited = CliRun.run(env, "dlq", "list", "--format", "json", "--limit", "1");
        assertThat(json(limited)).hasSize(1);
        assertThat(limited.err()).contains("--limit 1 reached");
        assertThat(broker.deadLetterCountSettledAt(3)).isEqualTo(3);
    }

    @Test
    void replayResetsTheTasksAndRunTwiceSendsOneCopyEach() throws Exception {
        workerDeadLetter(taskA);
        broker.brokerDeadLetter(body(taskB));
        malformedDeadLetter();

        CliRun first = CliRun.run(env, "dlq", "replay", "--run-id", RUN, "--rate", "1000");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out())
                .isEqualTo("replayed 2 dead letter(s) matching --run-id " + RUN + " to " + topology.workQueue()
                        + ", skipped 0 whose task already succeeded\n");
        assertThat(broker.deadLetterCountSettledAt(1)).isEqualTo(1);
        assertThat(taskRow(taskA)).isEqualTo("published 0 0 null");
        assertThat(taskRow(taskB)).isEqualTo("published 0 0 null");

        CliRun second = CliRun.run(env, "dlq", "replay", "--run-id", RUN, "--rate", "1000");
        assertThat(second.out()).startsWith("replayed 0 dead letter(s)");

        List<GetResponse> copies = broker.drainWorkQueue();
        assertThat(copies).hasSize(2);
        assertThat(copies)
                .extracting(c -> new String(c.getBody(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder(
                        new String(body(taskA), StandardCharsets.UTF_8),
                        new String(body(taskB), StandardCharsets.UTF_8));
        for (GetResponse copy : copies) {
            assertThat(copy.getProps().getHeaders())
                    .containsKeys(DeadLetterReplayer.REPLAYED_AT)
                    .doesNotContainKeys(
                            "x-death", "x-migration-reason", "x-migration-attempts", "x-first-death-reason");
        }
    }

    @Test
    void aTaskThatSucceededMeanwhileIsNotReplayedAndItsDeadLetterGoes() throws Exception {
        workerDeadLetter(taskA);
        target.exec(
                "UPDATE migration.tasks SET state = 'succeeded', attempts = 4 WHERE run_id = ? AND company_id = 1"
                        + " AND task_group = 'recipients' AND shard = 0",
                RUN);

        CliRun run = CliRun.run(env, "dlq", "replay", "--rate", "1000");

        assertThat(run.out())
                .endsWith("skipped 1 whose task already succeeded\n")
                .startsWith("replayed 0 ");
        assertThat(broker.deadLetterCount()).isZero();
        assertThat(broker.workQueueCount()).isZero();
        assertThat(taskRow(taskA)).isEqualTo("succeeded 4 1 boom");
    }

    /**
     * Dead letters naming tasks the ledger never planned (forged, or from another target) were
     * reported as "skipped … whose task already succeeded" or replayed, only to come back as
     * unknown_task. They stay where they are, counted as unknown tasks, and never touch a real
     * task whose key they borrow with another shard count or range.
     */
    @Test
    void forgedDeadLettersAreCalledUnknownTasksAndStay() throws Exception {
        target.exec("UPDATE migration.tasks SET state = 'succeeded' WHERE run_id = ? AND company_id = 2", RUN);
        PlannedTask noSuchCompany = new PlannedTask(RUN, 99, TaskGroup.RECIPIENTS, 0, 1, 0, 1023, 10);
        PlannedTask noSuchRun = new PlannedTask("r-forged", 1, TaskGroup.LISTS, 0, 1, 0, 1023, 10);
        PlannedTask otherRange = new PlannedTask(RUN, 2, TaskGroup.RECIPIENTS, 0, taskB.shardCount() + 3, 0, 5, 10);
        workerDeadLetter(noSuchCompany);
        broker.brokerDeadLetter(body(noSuchRun));
        workerDeadLetter(otherRange);
        workerDeadLetter(taskA);

        CliRun run = CliRun.run(env, "dlq", "replay", "--rate", "1000");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .isEqualTo("replayed 1 dead letter(s) to " + topology.workQueue() + ", skipped 0 whose"
                        + " task already succeeded, left 3 whose task is unknown (the ledger planned no such task: forged, or"
                        + " from another target; dlq purge drops them)\n");
        assertThat(broker.deadLetterCountSettledAt(3)).isEqualTo(3);
        assertThat(broker.workQueueCount()).isEqualTo(1);
        assertThat(taskRow(taskA)).isEqualTo("published 0 0 null");
        assertThat(taskRow(taskB))
                .as("the real task the forged range borrows its key from")
                .startsWith("succeeded");

        CliRun json = CliRun.run(env, "dlq", "replay", "--run-id", RUN, "--rate", "1000", "--format", "json");
        assertThat(json.out())
                .isEqualTo("{\"matched\": 2, \"replayed\": 0, \"skippedSucceeded\": 0," + " \"unknownTasks\": 2}\n");
        assertThat(broker.deadLetterCountSettledAt(3)).isEqualTo(3);
    }

    @Test
    void aReplayThatCannotPublishStopsAndLosesNothing() throws Exception {
        workerDeadLetter(taskA);
        broker.deleteWorkQueue();

        CliRun stopped = CliRun.run(env, "dlq", "replay", "--rate", "1000");

        assertThat(stopped.exitCode()).isNotZero();
        assertThat(stopped.errLines())
                .containsExactly("error: replay stopped: the broker could not route a replayed copy"
                        + " to queue " + topology.workQueue()
                        + " (312 NO_ROUTE); its dead letter stays (replayed 0, skipped 0"
                        + " before); run it again to replay the rest");
        assertThat(broker.deadLetterCountSettledAt(1)).isEqualTo(1);

        broker.declareTopology();
        CliRun again = CliRun.run(env, "dlq", "replay", "--rate", "1000");
        assertThat(again.out()).startsWith("replayed 1 dead letter(s)");
        assertThat(broker.deadLetterCount()).isZero();
        assertThat(broker.workQueueCount()).isEqualTo(1);
    }

    @Test
    void aBodyThatIsNoTaskIsReplayedAsItIs() throws Exception {
        malformedDeadLetter();

        CliRun run = CliRun.run(env, "dlq", "replay", "--reason", "malformed_message", "--rate", "1000");

        assertThat(run.out()).startsWith("replayed 1 dead letter(s) matching --reason malformed_message");
        List<GetResponse> copies = broker.drainWorkQueue();
        assertThat(copies).hasSize(1);
        assertThat(new String(copies.get(0).getBody(), StandardCharsets.UTF_8)).isEqualTo("not a task {");
    }

    @Test
    void purgeAsksForYesThenDropsOnlyTheMatchingOnes() throws Exception {
        workerDeadLetter(taskA);
        malformedDeadLetter();

        CliRun refused = CliRun.run(env, "dlq", "purge");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.errLines())
                .containsExactly("error: purge would drop 2 dead letter(s) from " + topology.deadQueue()
                        + " for good; repeat with --yes to drop them");
        assertThat(broker.deadLetterCountSettledAt(2)).isEqualTo(2);

        CliRun purged = CliRun.run(env, "dlq", "purge", "--reason", "malformed_message", "--yes");
        assertThat(purged.exitCode()).isZero();
        assertThat(purged.out())
                .isEqualTo("purged 1 dead letter(s) matching --reason malformed_message from " + topology.deadQueue()
                        + "\n");
        assertThat(broker.deadLetterCountSettledAt(1)).isEqualTo(1);
        assertThat(json(CliRun.run(env, "dlq", "list", "--format", "json"))
                        .get(0)
                        .get("reason")
                        .asText())
                .isEqualTo("failed");
    }

    @Test
    void aFleetWithoutADeadLetterQueueIsOneLine() {
        Map<String, String> other = new HashMap<>(env);
        other.put("FLEET_NAME", topology.fleetName() + "-nowhere");

        CliRun run = CliRun.run(other, "dlq", "list");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("no dead-letter queue " + topology.fleetName() + "-nowhere.dead");
    }

    // ---- helpers ----

    private static void workerDeadLetter(PlannedTask task) throws Exception {
        broker.workerDeadLetter(
                body(task),
                Map.of(
                        "x-migration-reason",
                        "failed",
                        "x-migration-error",
                        "deadlock detected",
                        "x-migration-error-class",
                        "40P01",
                        "x-migration-run-id",
                        RUN,
                        "x-migration-company-id",
                        task.companyId(),
                        "x-migration-task",
                        task.toMessage(RunMode.MIGRATE).taskKey(),
                        "x-migration-attempts",
                        3,
                        "x-migration-worker",
                        "w-test"));
    }

    private static void malformedDeadLetter() throws Exception {
        broker.workerDeadLetter(
                "not a task {".getBytes(StandardCharsets.UTF_8),
                Map.of(
                        "x-migration-reason",
                        "malformed_message",
                        "x-migration-error",
                        "not JSON",
                        "x-migration-worker",
                        "w-test",
                        "x-migration-attempts",
                        1));
    }

    private static byte[] body(PlannedTask task) {
        return TaskMessageCodec.encode(task.toMessage(RunMode.MIGRATE));
    }

    private static PlannedTask task(long company, TaskGroup group) {
        List<Object> row = target.values(
                        "SELECT shard, shard_count, bucket_lo, bucket_hi, estimated_rows FROM migration.tasks"
                                + " WHERE run_id = ? AND company_id = ? AND task_group = ? AND shard = 0",
                        RUN,
                        company,
                        group.wireName())
                .get(0);
        return new PlannedTask(
                RUN,
                company,
                group,
                (Integer) row.get(0),
                (Integer) row.get(1),
                (Integer) row.get(2),
                (Integer) row.get(3),
                (Long) row.get(4));
    }

    private static String taskRow(PlannedTask t) {
        return target.one(
                "SELECT state || ' ' || attempts || ' ' || unfinished || ' ' || coalesce(error, 'null')"
                        + " FROM migration.tasks WHERE run_id = ? AND company_id = ? AND task_group = ? AND shard = ?",
                RUN,
                t.companyId(),
                t.group().wireName(),
                t.shard());
    }

    private static JsonNode json(CliRun run) throws Exception {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }
}
