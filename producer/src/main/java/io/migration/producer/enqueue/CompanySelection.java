package io.migration.producer.enqueue;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Which companies a run covers: all, a list, or a cohort file of one id a line. */
public record CompanySelection(boolean all, List<Long> companyIds, String description) {

    public static CompanySelection everyCompany() {
        return new CompanySelection(true, List.of(), "all");
    }

    public static CompanySelection of(List<Long> ids) {
        List<Long> distinct = new ArrayList<>(new TreeSet<>(ids));
        for (long id : distinct) {
            if (id <= 0) {
                throw new IllegalArgumentException("company ids are positive: " + id);
            }
        }
        if (distinct.isEmpty()) {
            throw new IllegalArgumentException("no company ids given");
        }
        return new CompanySelection(false, distinct, "companies " + summary(distinct));
    }

    /** Reads a cohort file: one company id a line; blank lines and lines starting with # are ignored. */
    public static CompanySelection fromCohortFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (CharacterCodingException e) {
            throw notText(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read cohort file " + file + ": " + e.getMessage(), e);
        }
        // Valid UTF-8 can still be binary: no line of such a file is repeated in a message.
        if (lines.stream().anyMatch(CompanySelection::hasControlCharacters)) {
            throw notText(file);
        }
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                ids.add(Long.parseLong(line));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "cohort file " + file + " line " + (i + 1) + " is not a company id: " + line);
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("cohort file " + file + " holds no company id");
        }
        CompanySelection selection = of(ids);
        return new CompanySelection(
                false,
                selection.companyIds(),
                "cohort " + file.getFileName() + " (" + selection.companyIds().size() + " companies)");
    }

    /** The decoder's own words ("Input length = 1") say nothing to an operator. */
    private static IllegalArgumentException notText(Path file) {
        return new IllegalArgumentException(
                "cohort file " + file + " is not a text list of company ids (one a" + " line): it holds binary data");
    }

    private static boolean hasControlCharacters(String line) {
        return line.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\r');
    }

    private static String summary(List<Long> ids) {
        if (ids.size() <= 10) {
            return ids.toString();
        }
        return ids.subList(0, 10) + "… (" + ids.size() + " companies)";
    }
}
