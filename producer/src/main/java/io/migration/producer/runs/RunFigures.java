package io.migration.producer.runs;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A whole run: its record, each company's figures in id order, and for a dry run over all
 * companies the orphans (company 0: the orphans task and the rejects of no company) and the
 * source's rows per legacy table that the orphans task counted.
 */
public record RunFigures(
        RunInfo run,
        List<CompanyFigures> companies,
        Optional<CompanyFigures> orphans,
        SortedMap<String, Long> sourceRows) {}
