package io.migration.producer.enqueue;

import io.migration.common.db.SqlFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jdbi.v3.core.Jdbi;

/** What the producer reads from the source to plan a run: which companies exist and their sizes. */
public final class SourceCatalog {

    private final Jdbi source;

    public SourceCatalog(Jdbi source) {
        this.source = source;
    }

    /** Sizes of the selected companies; an unknown company id is an error naming it. */
    public List<CompanySize> sizes(CompanySelection selection) {
        List<Long> ids = selection.all() ? allCompanies() : existing(selection.companyIds());
        if (ids.isEmpty()) {
            throw new IllegalStateException("the source holds no company to migrate");
        }
        return source.withHandle(h -> h.createQuery(SqlFiles.get("enqueue/company-sizes"))
                .bind("companyIds", ids.toArray(new Long[0]))
                .map((rs, ctx) -> new CompanySize(
                        rs.getLong("company_id"),
                        rs.getLong("list_rows"),
                        rs.getLong("recipient_rows"),
                        rs.getLong("suppression_rows")))
                .list());
    }

    /** The selected companies' ids, in order; an unknown company id is an error naming it. */
    public List<Long> companyIds(CompanySelection selection) {
        return selection.all() ? allCompanies() : existing(selection.companyIds());
    }

    private List<Long> allCompanies() {
        return source.withHandle(h -> h.createQuery(SqlFiles.get("enqueue/all-companies"))
                .mapTo(Long.class)
                .list());
    }

    private List<Long> existing(List<Long> wanted) {
        List<Long> found = source.withHandle(h -> h.createQuery(SqlFiles.get("enqueue/existing-companies"))
                .bind("companyIds", wanted.toArray(new Long[0]))
                .mapTo(Long.class)
                .list());
        TreeSet<Long> missing = new TreeSet<>(wanted);
        found.forEach(missing::remove);
        if (!missing.isEmpty()) {
            List<Long> shown = new ArrayList<>(missing).subList(0, Math.min(missing.size(), 20));
            throw new UnknownCompanyException("unknown company id(s) " + shown
                    + (missing.size() > 20 ? "… (" + missing.size() + " in all)" : "") + " in the source");
        }
        return found;
    }

    /** A selected company that the source does not have. */
    public static final class UnknownCompanyException extends IllegalArgumentException {
        public UnknownCompanyException(String message) {
            super(message);
        }
    }
}
