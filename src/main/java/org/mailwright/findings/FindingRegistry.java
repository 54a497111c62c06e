package org.mailwright.findings;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one registry of findings: every type any part of Mailwright can report, area by area. It
 * sits below every area (they declare their findings here), so the health check can gather the
 * linters' findings without a cycle.
 */
public final class FindingRegistry {

    private static final List<FindingType> ALL = Stream.of(SpfFinding.values(), DkimFinding.values(), DmarcFinding.values(), CheckFinding.values(),
            ReportFinding.values(), MessageFinding.values())
            .flatMap(Arrays::stream)
            .map(FindingType.class::cast)
            .toList();

    private FindingRegistry() {
    }

    /** Every finding type, area by area, each in its declared order. */
    public static List<FindingType> all() {
        return ALL;
    }

    /** The type with {@code id} (ignoring case), if there is one. */
    public static Optional<FindingType> byId(String id) {
        String wanted = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(type -> type.id().equals(wanted)).findFirst();
    }
}
