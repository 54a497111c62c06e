package org.mailwright.dmarc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The DMARC record builder, as {@code dmarc build} and the DMARC wizard use it, given any values.
 * The contract: each value is refused (an empty parse, {@link IllegalArgumentException}) or the
 * record built reads back with no problem and exactly the tags and destinations given. An input
 * is lines of {@code TAG VALUE} (p, sp, np, t, adkim, aspf, pct, fo, rua, ruf).
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=DmarcRecordBuilderFuzzTest} fuzzes.
 */
class DmarcRecordBuilderFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void build(byte[] data) {
        DmarcRecordBuilder builder = new DmarcRecordBuilder().policy(Policy.NONE);
        Set<String> tags = new LinkedHashSet<>(List.of("v", "p"));
        List<ReportUri> aggregate = new ArrayList<>();
        List<ReportUri> failure = new ArrayList<>();
        Policy policy = Policy.NONE;
        for (String line : new String(data, StandardCharsets.UTF_8).split("\n")) {
            int space = line.indexOf(' ');
            String tag = space < 0 ? line : line.substring(0, space);
            String value = space < 0 ? "" : line.substring(space + 1);
            try {
                switch (tag) {
                    case "p" -> {
                        Optional<Policy> parsed = Policy.parse(value);
                        if (parsed.isPresent()) {
                            policy = parsed.get();
                            builder.policy(policy);
                        }
                    }
                    case "sp" -> Policy.parse(value).ifPresent(p -> added(tags, "sp", () -> builder.subdomainPolicy(p)));
                    case "np" -> Policy.parse(value).ifPresent(p -> added(tags, "np", () -> builder.nonExistentPolicy(p)));
                    case "t" -> {
                        if (value.equals("y")) {
                            added(tags, "t", () -> builder.testing(true));
                        }
                    }
                    case "adkim" -> AlignmentMode.parse(value).ifPresent(mode -> added(tags, "adkim", () -> builder.dkimAlignment(mode)));
                    case "aspf" -> AlignmentMode.parse(value).ifPresent(mode -> added(tags, "aspf", () -> builder.spfAlignment(mode)));
                    case "pct" -> {
                        builder.percentage(Integer.parseInt(value));
                        tags.add("pct");
                    }
                    case "fo" -> {
                        builder.failureOptions(value);
                        tags.add("fo");
                    }
                    case "rua" -> ReportUri.fromUser(value).ifPresent(uri -> {
                        builder.aggregateReport(uri);
                        aggregate.add(uri);
                        tags.add("rua");
                    });
                    case "ruf" -> ReportUri.fromUser(value).ifPresent(uri -> {
                        builder.failureReport(uri);
                        failure.add(uri);
                        tags.add("ruf");
                    });
                    default -> {
                    }
                }
            } catch (IllegalArgumentException refused) {
                // Refusing a value is an answer.
            }
        }

        String text = builder.text();
        DmarcRecord record = DmarcRecord.parse(text);
        assertEquals(List.of(), record.problems(), text);
        assertEquals(Set.copyOf(tags), Set.copyOf(record.tags().stream().map(DmarcRecord.Tag::name).toList()), text);
        assertEquals(Optional.of(policy), record.policy(), text);
        assertEquals(aggregate, record.aggregateReportUris(), text);
        assertEquals(failure, record.failureReportUris(), text);
    }

    private static void added(Set<String> tags, String tag, Runnable set) {
        set.run();
        tags.add(tag);
    }
}
