package org.mailwright.check;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mailwright.i18n.Problem;

/**
 * A TXT record of {@code tag=value} pairs separated by semicolons, as TLS-RPT (RFC 8460), MTA-STS
 * (RFC 8461) and BIMI write them, the version tag first.
 *
 * @param tags each tag's value in the order written, names in lower case, values trimmed
 * @param problem what makes the record unreadable; empty when it reads
 */
record TaggedRecord(Map<String, String> tags, Optional<Problem> problem) {

    /** The most tags read: every one of these records has a handful. */
    static final int MAX_TAGS = 32;

    /** The records among {@code values} that start with {@code version} (such as {@code v=TLSRPTv1}), case kept. */
    static List<String> withVersion(List<String> values, String version) {
        return values.stream().filter(value -> {
            String text = value.strip();
            int semicolon = text.indexOf(';');
            String first = (semicolon < 0 ? text : text.substring(0, semicolon)).replace(" ", "");
            return first.equals(version);
        }).toList();
    }

    /**
     * The one record of {@code version} among {@code values}, read: empty when there is none; a
     * problem when there are several (receivers then take none) or it does not read.
     */
    static Optional<TaggedRecord> single(List<String> values, String version) {
        List<String> records = withVersion(values, version);
        if (records.size() > 1) {
            return Optional.of(new TaggedRecord(Map.of(), Optional.of(new Problem("check.record.several", records.size()))));
        }
        return records.stream().findFirst().map(TaggedRecord::parse);
    }

    static TaggedRecord parse(String text) {
        Map<String, String> tags = new LinkedHashMap<>();
        String[] parts = text.split(";", MAX_TAGS + 2);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            if (part.isEmpty() && i == parts.length - 1) {
                continue;
            }
            int equals = part.indexOf('=');
            if (equals <= 0 || tags.size() == MAX_TAGS) {
                return new TaggedRecord(tags, Optional.of(new Problem("check.record.not-a-tag", Problem.shown(part))));
            }
            String name = part.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            if (tags.putIfAbsent(name, part.substring(equals + 1).strip()) != null) {
                return new TaggedRecord(tags, Optional.of(new Problem("check.record.tag-twice", Problem.shown(name))));
            }
        }
        return new TaggedRecord(tags, Optional.empty());
    }

    Optional<String> tag(String name) {
        return Optional.ofNullable(tags.get(name));
    }
}
