package io.migration.common.transform;

/** The four legacy event tables, each becoming one kind of recipient_activity (R9). */
public enum ActivityKind {
    OPEN("open", "recipient_opens"),
    CLICK("click", "recipient_clicks"),
    BOUNCE("bounce", "recipient_bounces"),
    UNSUBSCRIBE("unsubscribe", "recipient_unsubscribes");

    private final String label;
    private final String sourceTable;

    ActivityKind(String label, String sourceTable) {
        this.label = label;
        this.sourceTable = sourceTable;
    }

    /** The target's {@code kind} text, also the prefix of the activity id's name. */
    public String label() {
        return label;
    }

    /** The legacy table the events of this kind come from. */
    public String sourceTable() {
        return sourceTable;
    }
}
