package io.migration.worker.resilience;

import io.migration.worker.resilience.ErrorClass.TransientKind;
import java.util.Map;
import java.util.Optional;

/** What the SQLSTATEs this worker meets mean: which pass by themselves, and their names. */
final class SqlStates {

    /** Condition names (PostgreSQL's errcodes) of the states worth naming in a dead letter. */
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("08000", "connection_exception"),
            Map.entry("08003", "connection_does_not_exist"),
            Map.entry("08006", "connection_failure"),
            Map.entry("08001", "sqlclient_unable_to_establish_sqlconnection"),
            Map.entry("08004", "sqlserver_rejected_establishment_of_sqlconnection"),
            Map.entry("57P01", "admin_shutdown"),
            Map.entry("57P02", "crash_shutdown"),
            Map.entry("57P03", "cannot_connect_now"),
            Map.entry("57014", "query_canceled"),
            Map.entry("40P01", "deadlock_detected"),
            Map.entry("40001", "serialization_failure"),
            Map.entry("53100", "disk_full"),
            Map.entry("53200", "out_of_memory"),
            Map.entry("53300", "too_many_connections"),
            Map.entry("53400", "configuration_limit_exceeded"),
            Map.entry("55P03", "lock_not_available"),
            Map.entry("25006", "read_only_sql_transaction"),
            Map.entry("23505", "unique_violation"),
            Map.entry("23503", "foreign_key_violation"),
            Map.entry("23502", "not_null_violation"),
            Map.entry("23514", "check_violation"),
            Map.entry("23P01", "exclusion_violation"),
            Map.entry("22001", "string_data_right_truncation"),
            Map.entry("22003", "numeric_value_out_of_range"),
            Map.entry("22P02", "invalid_text_representation"),
            Map.entry("22021", "character_not_in_repertoire"),
            Map.entry("22007", "invalid_datetime_format"),
            Map.entry("22008", "datetime_field_overflow"),
            Map.entry("P0001", "raise_exception"),
            Map.entry("42P01", "undefined_table"),
            Map.entry("42703", "undefined_column"),
            Map.entry("42501", "insufficient_privilege"),
            Map.entry("42804", "datatype_mismatch"),
            Map.entry("28P01", "invalid_password"),
            Map.entry("28000", "invalid_authorization_specification"),
            Map.entry("3D000", "invalid_catalog_name"));

    /** Names of the SQLSTATE classes (the condition name of each class's "000" code). */
    private static final Map<String, String> CLASSES = Map.ofEntries(
            Map.entry("08", "connection_exception"), Map.entry("0A", "feature_not_supported"),
            Map.entry("22", "data_exception"), Map.entry("23", "integrity_constraint_violation"),
            Map.entry("25", "invalid_transaction_state"), Map.entry("28", "invalid_authorization_specification"),
            Map.entry("3D", "invalid_catalog_name"), Map.entry("40", "transaction_rollback"),
            Map.entry("42", "syntax_error_or_access_rule_violation"), Map.entry("53", "insufficient_resources"),
            Map.entry("54", "program_limit_exceeded"), Map.entry("55", "object_not_in_prerequisite_state"),
            Map.entry("57", "operator_intervention"), Map.entry("58", "system_error"),
            Map.entry("P0", "plpgsql_error"), Map.entry("XX", "internal_error"));

    private SqlStates() {}

    /**
     * Transient: connection exceptions (08), server shutdown or restart (57P0x), statement timeout
     * (57014), deadlock and serialization failure (40P01, 40001), insufficient resources (53xxx),
     * lock not available (55P03), and a read-only transaction (25006: a failover or maintenance).
     * A unique violation (23505) is the data's own: it does not pass by retrying.
     */
    static Optional<TransientKind> transientKind(String state) {
        if (state.startsWith("08")) {
            return Optional.of(TransientKind.CONNECTION);
        }
        if (state.startsWith("57P")) {
            return Optional.of(TransientKind.CONNECTION);
        }
        return switch (state) {
            case "57014", "55P03" -> Optional.of(TransientKind.TIMEOUT);
            case "40P01", "40001" -> Optional.of(TransientKind.DEADLOCK);
            case "25006" -> Optional.of(TransientKind.READ_ONLY);
            default -> state.startsWith("53") ? Optional.of(TransientKind.RESOURCES) : Optional.empty();
        };
    }

    static String conditionName(String state) {
        String name = NAMES.get(state);
        if (name != null) {
            return name;
        }
        return switch (state.substring(0, 2)) {
            case "22", "23", "42", "XX" -> className(state);
            default -> "sqlstate " + state;
        };
    }

    /** The name of the state's class, e.g. {@code insufficient_resources} for 53100. */
    static String className(String state) {
        String sqlClass = state.length() >= 2 ? state.substring(0, 2) : state;
        return CLASSES.getOrDefault(sqlClass, "class " + sqlClass);
    }
}
