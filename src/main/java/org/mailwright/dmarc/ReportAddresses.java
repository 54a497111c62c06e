package org.mailwright.dmarc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Report addresses as people type them: plain addresses ({@code dmarc@example.com}) or URIs
 * ({@code mailto:dmarc@example.com}), separated by commas, semicolons, spaces or new lines. A plain
 * address becomes a {@code mailto:} URI, with what a DMARC URI must not hold escaped.
 */
public final class ReportAddresses {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.*");

    /**
     * What the text says.
     *
     * @param uris the destinations, in order, each once
     * @param invalid the entries that are neither an address nor a URI, as typed
     */
    public record Parsed(List<ReportUri> uris, List<String> invalid) {
        public Parsed {
            uris = List.copyOf(uris);
            invalid = List.copyOf(invalid);
        }

        public static final Parsed EMPTY = new Parsed(List.of(), List.of());

        public Optional<String> firstInvalid() {
            return invalid.stream().findFirst();
        }
    }

    private ReportAddresses() {
    }

    public static Parsed parse(String text) {
        Map<String, ReportUri> uris = new LinkedHashMap<>();
        List<String> invalid = new ArrayList<>();
        for (String entry : SEPARATORS.split(text == null ? "" : text.strip())) {
            if (entry.isEmpty()) {
                continue;
            }
            Optional<ReportUri> uri = SCHEME.matcher(entry).matches() ? ReportUri.fromUser(entry)
                    : entry.contains("@") ? ReportUri.parse(ReportUri.mailto(entry)) : Optional.empty();
            if (uri.isPresent()) {
                uris.putIfAbsent(uri.get().toString(), uri.get());
            } else {
                invalid.add(entry);
            }
        }
        return new Parsed(new ArrayList<>(uris.values()), invalid);
    }

    /** The destinations as the field shows them: a {@code mailto:} as its plain address, separated by commas. */
    public static String text(List<ReportUri> uris) {
        return String.join(", ", uris.stream().map(ReportAddresses::shown).toList());
    }

    /** One destination as people write it: the address of a plain {@code mailto:}, otherwise the URI. */
    public static String shown(ReportUri uri) {
        return uri.isMailto() && !uri.hasSizeLimit() && ReportUri.mailto(uri.address()).equals(uri.uri())
                ? uri.address() : uri.toString();
    }
}
