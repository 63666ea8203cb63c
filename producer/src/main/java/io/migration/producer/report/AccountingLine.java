package io.migration.producer.report;

/**
 * R12 over the whole source for one legacy table, from a dry run over all companies: the source's
 * rows are the rows read by companies plus the rows of no company, and the rows read are the rows
 * that contributed plus the rows rejected. {@code sourceRows} is null until the orphans task succeeded.
 */
public record AccountingLine(String table, Long sourceRows, long read, long orphaned, long contributed, long rejected) {

    public boolean closes() {
        return sourceRows != null && sourceRows == read + orphaned && read == contributed + rejected;
    }

    /** e.g. {@code closes}, or what is off. */
    public String check() {
        if (sourceRows == null) {
            return "unknown: the orphans task has not succeeded";
        }
        if (closes()) {
            return "closes";
        }
        StringBuilder s = new StringBuilder();
        if (sourceRows != read + orphaned) {
            s.append("source - read - orphaned = ").append(sourceRows - read - orphaned);
        }
        if (read != contributed + rejected) {
            s.append(s.isEmpty() ? "" : "; ")
                    .append("read - contributed - rejected = ")
                    .append(read - contributed - rejected);
        }
        return s.toString();
    }
}
