package io.migration.common.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The task state machine as a table: what each step leaves a task in, from every state. */
class TaskStateTest {

    /** Written out by hand from the statements' guards, so the table is not checked against itself. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "|", textBlock = """
            # from    | publish   | claim     | fail     | hand-back | die       | succeed   | replay
              planned | published | running   | retrying | planned   | dead      | succeeded | published
            published | published | running   | retrying | published | dead      | succeeded | published
              running | running   | running   | retrying | retrying  | dead      | succeeded | published
             retrying | retrying  | running   | retrying | retrying  | dead      | succeeded | published
            succeeded | succeeded | succeeded | succeeded| succeeded | succeeded | succeeded | succeeded
               failed | failed    | running   | retrying | failed    | dead      | succeeded | published
                 dead | dead      | dead      | dead     | dead      | dead      | succeeded | published
            """)
    void eachStepFromEachState(
            String from,
            String publish,
            String claim,
            String fail,
            String handBack,
            String die,
            String succeed,
            String replay) {
        TaskState state = TaskState.of(from);
        List<String> expected = List.of(publish, claim, fail, handBack, die, succeed, replay);
        List<TaskTransition> steps = List.of(
                TaskTransition.PUBLISH,
                TaskTransition.CLAIM,
                TaskTransition.FAIL,
                TaskTransition.HAND_BACK,
                TaskTransition.DIE,
                TaskTransition.SUCCEED,
                TaskTransition.REPLAY);
        assertThat(steps).containsExactlyInAnyOrder(TaskTransition.values());
        for (int i = 0; i < steps.size(); i++) {
            assertThat(state.after(steps.get(i)).wireName())
                    .as("%s after %s", from, steps.get(i))
                    .isEqualTo(expected.get(i));
        }
    }

    @Test
    void theDiagramsEdgesAreAllowed() {
        assertThat(TaskState.PLANNED.canMoveTo(TaskState.PUBLISHED)).isTrue();
        assertThat(TaskState.PUBLISHED.canMoveTo(TaskState.RUNNING)).isTrue();
        assertThat(TaskState.RUNNING.canMoveTo(TaskState.SUCCEEDED)).isTrue();
        assertThat(TaskState.RUNNING.canMoveTo(TaskState.RETRYING)).isTrue();
        assertThat(TaskState.RUNNING.canMoveTo(TaskState.DEAD)).isTrue();
        assertThat(TaskState.RETRYING.canMoveTo(TaskState.RUNNING)).isTrue();
        assertThat(TaskState.DEAD.canMoveTo(TaskState.PUBLISHED)).isTrue();
    }

    @Test
    void aSucceededTaskStaysSucceededAndADeadOneOnlyComesBackByReplay() {
        for (TaskState next : TaskState.values()) {
            assertThat(TaskState.SUCCEEDED.canMoveTo(next))
                    .as("succeeded → %s", next)
                    .isEqualTo(next == TaskState.SUCCEEDED);
        }
        assertThat(Arrays.stream(TaskState.values()).filter(TaskState.DEAD::canMoveTo))
                .containsExactlyInAnyOrder(TaskState.PUBLISHED, TaskState.SUCCEEDED, TaskState.DEAD);
        assertThat(Arrays.stream(TaskState.values()).filter(s -> s.canMoveTo(TaskState.PLANNED)))
                .as("nothing goes back to planned")
                .isEmpty();
        assertThat(Arrays.stream(TaskState.values()).filter(s -> s.canMoveTo(TaskState.FAILED)))
                .as("nothing writes failed")
                .isEmpty();
    }

    @Test
    void theWireNamesAreTheSchemas() throws IOException {
        String ddl;
        try (InputStream in = getClass().getResourceAsStream("/db/recipients/V2__control_tables.sql")) {
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher check = Pattern.compile("CHECK \\(state IN \\(([^)]*)\\)\\)").matcher(ddl);
        assertThat(check.find()).isTrue();
        List<String> schema = Arrays.stream(check.group(1).split(","))
                .map(s -> s.trim().replace("'", ""))
                .toList();
        assertThat(Arrays.stream(TaskState.values()).map(TaskState::wireName)).containsExactlyElementsOf(schema);
        schema.forEach(name -> assertThat(TaskState.of(name).wireName()).isEqualTo(name));
        assertThatThrownBy(() -> TaskState.of("finished")).isInstanceOf(IllegalArgumentException.class);
    }
}
