package io.migration.worker;

/** Placeholder entry point until the worker application lands. */
public final class WorkerApplication {
    public static void main(String[] args) {
        throw new UnsupportedOperationException("worker not built yet");
    }
}
