package org.mailwright.dkim;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Date-based selectors ({@code 202611a}): they sort by age, say when a key was made, and never
 * repeat, so a rotation never has to reuse (and overwrite) a published name.
 */
public final class Selectors {

    private Selectors() {
    }

    /** {@code yyyyMM} and the first letter not yet in {@code taken}: 202611a, 202611b... then 202611aa. */
    public static String suggest(LocalDate date, Collection<String> taken) {
        Set<String> used = taken.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        String prefix = String.format(Locale.ROOT, "%04d%02d", date.getYear(), date.getMonthValue());
        for (int n = 0; ; n++) {
            String candidate = prefix + letters(n);
            if (!used.contains(candidate)) {
                return candidate;
            }
        }
    }

    /** 0 -> a, 25 -> z, 26 -> aa, 27 -> ab ... */
    private static String letters(int n) {
        StringBuilder out = new StringBuilder();
        int value = n;
        do {
            out.insert(0, (char) ('a' + value % 26));
            value = value / 26 - 1;
        } while (value >= 0);
        return out.toString();
    }
}
