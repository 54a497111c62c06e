package org.mailwright.dmarc;

import java.net.IDN;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Domain names as DMARC handles them: absolute, lower case, A-labels, without the final dot. */
final class DomainNames {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");
    private static final int MAX_LENGTH = 253;

    private DomainNames() {
    }

    /**
     * The name in canonical form: {@code Example.COM.} becomes {@code example.com}, {@code año.es}
     * becomes {@code xn--ao-zja.es}.
     *
     * @throws IllegalArgumentException with one sentence for the user when it is not a domain name
     */
    static String normalize(String name) {
        String text = name == null ? "" : name.strip();
        if (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        String ascii;
        try {
            ascii = IDN.toASCII(text, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw invalid(name);
        }
        if (ascii.isEmpty() || ascii.length() > MAX_LENGTH) {
            throw invalid(name);
        }
        for (String label : labels(ascii)) {
            if (!LABEL.matcher(label).matches()) {
                throw invalid(name);
            }
        }
        return ascii;
    }

    /** True when {@link #normalize} accepts the name and it is not an IP address. */
    static boolean isDomainName(String name) {
        if (name == null || name.isEmpty() || name.matches("[0-9.]+") || name.contains(":") || name.startsWith("[")) {
            return false;
        }
        try {
            normalize(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static List<String> labels(String name) {
        return List.of(name.split("\\.", -1));
    }

    static int labelCount(String name) {
        return labels(name).size();
    }

    /** The name's last {@code count} labels: {@code lastLabels("a.b.example.com", 2)} is {@code example.com}. */
    static String lastLabels(String name, int count) {
        List<String> labels = labels(name);
        return String.join(".", labels.subList(labels.size() - count, labels.size()));
    }

    /** True when {@code name} is {@code ancestor} or below it. */
    static boolean isAtOrBelow(String name, String ancestor) {
        return name.equals(ancestor) || name.endsWith("." + ancestor);
    }

    private static IllegalArgumentException invalid(String name) {
        return new IllegalArgumentException("\"" + name + "\" is not a valid domain name.");
    }
}
