package org.mailwright.ui.propagation;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mailwright.dns.RecordType;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.propagation.ExpectedRecord;

/**
 * The records and servers added on the Propagation page as the settings keep them between runs:
 * a record a line ({@code TYPE NAME VALUE...}, each part URL-encoded so a value's spaces survive),
 * servers by their ids ({@code google 192.0.2.53:53}). A part edited by hand into nonsense is
 * dropped on reading, never a reason to lose the rest.
 */
final class AddedRows {

    /** More than a page of chips is no list anyone added by hand: the rest is not read. */
    static final int MAX_ROWS = 100;

    private AddedRows() {
    }

    static String writeRecords(List<ExpectedRecord> records) {
        return records.stream().map(record -> {
            List<String> parts = new ArrayList<>(List.of(record.type().name(), record.name()));
            parts.addAll(record.values());
            return parts.stream().map(part -> URLEncoder.encode(part, StandardCharsets.UTF_8)).collect(Collectors.joining(" "));
        }).collect(Collectors.joining("\n"));
    }

    static List<ExpectedRecord> readRecords(String text) {
        return text.lines().limit(MAX_ROWS).map(AddedRows::readRecord).flatMap(Optional::stream).distinct().toList();
    }

    private static Optional<ExpectedRecord> readRecord(String line) {
        List<String> parts = Arrays.stream(line.strip().split(" +")).filter(part -> !part.isEmpty())
                .map(part -> URLDecoder.decode(part, StandardCharsets.UTF_8)).toList();
        if (parts.size() < 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ExpectedRecord(parts.get(1), RecordType.valueOf(parts.get(0)), parts.subList(2, parts.size())));
        } catch (IllegalArgumentException edited) {
            // An unknown type, or a name that is no domain name (InvalidDomainNameException is one).
            return Optional.empty();
        }
    }

    static String writeServers(List<ResolverTarget> servers) {
        return servers.stream().map(ResolverTarget::id).collect(Collectors.joining(" "));
    }

    static List<ResolverTarget> readServers(String text) {
        return Arrays.stream(text.strip().split(" +")).filter(id -> !id.isEmpty()).limit(MAX_ROWS)
                .map(AddedRows::readServer).flatMap(Optional::stream).distinct().toList();
    }

    private static Optional<ResolverTarget> readServer(String id) {
        try {
            return Optional.of(ResolverTarget.parse(id));
        } catch (IllegalArgumentException edited) {
            return Optional.empty();
        }
    }
}
