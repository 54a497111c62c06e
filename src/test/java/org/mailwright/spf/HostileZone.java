package org.mailwright.spf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.mailwright.dns.DnsRecord;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.MxData;
import org.mailwright.dns.Outcome;
import org.mailwright.dns.RecordType;

/**
 * DNS data from a fuzzer, served from memory as the evaluator and the linter ask for it: one
 * line per record, {@code NAME TYPE VALUE} (TYPE one of TXT, A, AAAA, MX, PTR), or
 * {@code NAME TYPE !servfail} / {@code !timeout} for a failing answer. A name with no record of
 * the asked type is NODATA if it has others, else NXDOMAIN. Values are kept only when they are
 * what a resolver could return for the type (addresses for A and AAAA, {@code PREF HOST} for MX),
 * as {@link LookupResult} promises. It counts the questions it is asked.
 */
final class HostileZone implements SpfEvaluator.Dns {

    private final Map<String, Map<RecordType, List<String>>> records = new LinkedHashMap<>();
    private final Map<String, Map<RecordType, Outcome>> failures = new LinkedHashMap<>();
    private final AtomicInteger questions = new AtomicInteger();

    static HostileZone of(List<String> lines) {
        HostileZone zone = new HostileZone();
        for (String line : lines) {
            String[] fields = line.split(" ", 3);
            if (fields.length < 3) {
                continue;
            }
            Optional<RecordType> type = RecordType.parse(fields[1]);
            if (type.isEmpty()) {
                continue;
            }
            String name = key(fields[0]);
            String value = fields[2];
            if (value.equals("!servfail") || value.equals("!timeout")) {
                zone.failures.computeIfAbsent(name, n -> new LinkedHashMap<>())
                        .put(type.get(), value.equals("!servfail") ? Outcome.SERVFAIL : Outcome.TIMEOUT);
            } else if (plausible(type.get(), value)) {
                zone.records.computeIfAbsent(name, n -> new LinkedHashMap<>())
                        .computeIfAbsent(type.get(), t -> new ArrayList<>()).add(value);
            }
        }
        return zone;
    }

    @Override
    public CompletableFuture<LookupResult> lookup(String name, RecordType type) {
        questions.incrementAndGet();
        String key = key(name);
        Outcome failure = failures.getOrDefault(key, Map.of()).get(type);
        if (failure != null) {
            return CompletableFuture.completedFuture(result(name, type, failure, List.of()));
        }
        Map<RecordType, List<String>> atName = records.get(key);
        if (atName == null) {
            return CompletableFuture.completedFuture(result(name, type, Outcome.NXDOMAIN, List.of()));
        }
        List<String> values = atName.getOrDefault(type, List.of());
        return CompletableFuture.completedFuture(result(name, type, values.isEmpty() ? Outcome.NODATA : Outcome.OK, values));
    }

    /** How many questions were asked so far. */
    int questions() {
        return questions.get();
    }

    private static LookupResult result(String name, RecordType type, Outcome outcome, List<String> values) {
        List<DnsRecord> answer = values.stream()
                .map(value -> new DnsRecord(name, type, 300, value, type == RecordType.TXT ? List.of(value) : List.of()))
                .toList();
        return new LookupResult(name, type, outcome, answer, List.of(), outcome == Outcome.OK ? 300 : LookupResult.NO_TTL,
                "memory", null, false, Duration.ZERO);
    }

    private static boolean plausible(RecordType type, String value) {
        return switch (type) {
            case A, AAAA -> {
                try {
                    yield IpText.parseAddress(value).getAddress().length == (type == RecordType.A ? 4 : 16);
                } catch (IllegalArgumentException notAnAddress) {
                    yield false;
                }
            }
            case MX -> MxData.parse(value).isPresent();
            case TXT, PTR -> true;
            default -> false;
        };
    }

    /** A name as the zone files it: {@code \\DDD} escapes (as {@link SpfNames#query} writes them) read, lower case, no final dot. */
    private static String key(String name) {
        StringBuilder plain = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\\' && i + 3 < name.length() && name.substring(i + 1, i + 4).chars().allMatch(Character::isDigit)) {
                plain.append((char) Integer.parseInt(name.substring(i + 1, i + 4)));
                i += 3;
            } else {
                plain.append(c);
            }
        }
        return SpfNames.withoutFinalDot(plain.toString()).toLowerCase(Locale.ROOT);
    }
}
