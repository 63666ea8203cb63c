package io.migration.producer.seed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The word pools the seed and the traffic pick from, read once from {@code seed/word-pools.txt}: a
 * {@code [name]} line starts a pool, then one value a line in double quotes with Java's escapes,
 * so blank and white-space values stay visible and survive an editor.
 */
final class WordPools {

    private static final String RESOURCE = "/seed/word-pools.txt";
    private static final Map<String, String[]> POOLS = load();

    private WordPools() {}

    /** The pool of that name, in file order; a name not in the file is a bug, so it throws. */
    static String[] pool(String name) {
        String[] values = POOLS.get(name);
        if (values == null) {
            throw new IllegalStateException("no word pool [" + name + "] in " + RESOURCE);
        }
        return values;
    }

    private static Map<String, String[]> load() {
        try (InputStream in = WordPools.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String[]> parse(BufferedReader reader) throws IOException {
        Map<String, List<String>> pools = new HashMap<>();
        List<String> current = null;
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            if (text.startsWith("[") && text.endsWith("]")) {
                current = new ArrayList<>();
                pools.put(text.substring(1, text.length() - 1), current);
            } else if (current != null && text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
                current.add(unescape(text.substring(1, text.length() - 1)));
            } else {
                throw new IllegalStateException(RESOURCE + " line " + number + ": expected [pool] or \"value\"");
            }
        }
        Map<String, String[]> out = new HashMap<>();
        pools.forEach((name, values) -> out.put(name, values.toArray(new String[0])));
        return Map.copyOf(out);
    }

    /** Java's escapes: \t \n \r \f \" \\ and \\uXXXX. */
    static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                out.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }
}
