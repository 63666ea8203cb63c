package io.migration.producer.cutover;

import org.jdbi.v3.core.Jdbi;

/** What every company's cutover in one run shares. */
record CutoverContext(
        String runId,
        CutoverSettings settings,
        CutoverLedger ledger,
        SwitchWindows windows,
        TaskDispatch dispatch,
        SourceProbe source,
        Hooks hooks,
        FreezeGate gate,
        Jdbi target) {}
