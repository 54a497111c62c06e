package org.mailwright.dmarc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.mailwright.dmarc.SyntaxProblem.Kind;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.TxtStrings;

/**
 * A DMARC policy record as published (RFC 9989 section 4.7), read tolerantly: every tag is kept
 * as written, with its position, and what the grammar does not allow is listed in
 * {@link #problems()} rather than thrown. The typed accessors answer as a receiver would: the first
 * valid occurrence of a tag, or its default.
 *
 * <p>Tolerated because the grammar allows it: any case in tag names and in literal values
 * ({@code P=Reject}, RFC 5234 literals are case-insensitive), spaces and tabs around {@code ;},
 * {@code =} and {@code ,}, a missing final semicolon. Not tolerated because it does not:
 * anything before {@code v=DMARC1}, a version other than exactly {@code DMARC1}, characters
 * outside printable ASCII, a report address without its URI scheme.
 */
public final class DmarcRecord {

    /** The version tag's only value; case-sensitive ({@code %s"DMARC1"} in RFC 9989). */
    public static final String VERSION = "DMARC1";

    private static final Pattern TAG_NAME = Pattern.compile("[A-Za-z]+");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,10}");
    private static final String POLICY_VALUES = "none | quarantine | reject";

    /** Whether and how the record starts with {@code v=DMARC1}. */
    public enum VersionStatus {
        /** It does: receivers use the record. */
        VALID,
        /** Something (a space) comes before {@code v=DMARC1}. */
        LEADING_SPACE,
        /** The first tag is {@code v} but its value is not exactly {@code DMARC1}. */
        WRONG_VALUE,
        /** {@code v=DMARC1} is there, but not as the first tag. */
        NOT_FIRST,
        /** There is no {@code v} tag. */
        MISSING
    }

    /**
     * What receivers make of the record's policies (RFC 9989 section 4.10.1): a record without a
     * valid {@code p}, or with an invalid {@code sp} or {@code np}, counts as {@code p=none} if it
     * has a usable {@code rua}, and is not applied at all otherwise.
     */
    public enum PolicyState {
        USABLE,
        TREATED_AS_NONE,
        IGNORED
    }

    /**
     * One tag as published.
     *
     * @param name the tag name, lower case
     * @param value the value, without the spaces around it
     * @param position where the tag's name starts, counting from 1
     */
    public record Tag(String name, String value, int position) {

        /** The tag's meaning, or empty for a tag RFC 9989 and RFC 7489 do not define. */
        public Optional<DmarcTag> known() {
            return DmarcTag.byName(name);
        }
    }

    private final String text;
    private final VersionStatus version;
    private final List<Tag> tags;
    private final List<SyntaxProblem> problems;
    /** The parts between semicolons that are not a tag at all, stripped, as written. */
    private final List<String> malformedParts;

    private DmarcRecord(String text, VersionStatus version, List<Tag> tags, List<SyntaxProblem> problems,
            List<String> malformedParts) {
        this.text = text;
        this.version = version;
        this.tags = List.copyOf(tags);
        this.problems = List.copyOf(problems);
        this.malformedParts = List.copyOf(malformedParts);
    }

    /** Reads a record: the TXT record's character-strings already joined. Never fails. */
    public static DmarcRecord parse(String text) {
        return new Parser(Objects.requireNonNull(text, "text")).parse();
    }

    /**
     * True when the text starts with {@code v=DMARC1} (spaces around the equals sign allowed):
     * the test RFC 9989's tree walk applies to TXT records before anything else.
     */
    public static boolean startsWithVersion(String text) {
        return parse(text).version() == VersionStatus.VALID;
    }

    public String text() {
        return text;
    }

    public VersionStatus version() {
        return version;
    }

    /** True when receivers use this record at all: it starts with {@code v=DMARC1}. */
    public boolean isDmarc() {
        return version == VersionStatus.VALID;
    }

    /** Every tag as published, in order, duplicates included. */
    public List<Tag> tags() {
        return tags;
    }

    public List<SyntaxProblem> problems() {
        return problems;
    }

    /** The first occurrence of a tag, which is the one receivers read. */
    public Optional<Tag> tag(DmarcTag tag) {
        return tags.stream().filter(t -> t.name().equals(tag.tagName())).findFirst();
    }

    /** {@code p}, if present and valid. */
    public Optional<Policy> policy() {
        return value(DmarcTag.P).flatMap(Policy::parse);
    }

    /** {@code sp}, if present and valid. */
    public Optional<Policy> subdomainPolicy() {
        return value(DmarcTag.SP).flatMap(Policy::parse);
    }

    /** {@code np}, if present and valid. */
    public Optional<Policy> nonExistentPolicy() {
        return value(DmarcTag.NP).flatMap(Policy::parse);
    }

    public AlignmentMode dkimAlignment() {
        return value(DmarcTag.ADKIM).flatMap(AlignmentMode::parse).orElse(AlignmentMode.RELAXED);
    }

    public AlignmentMode spfAlignment() {
        return value(DmarcTag.ASPF).flatMap(AlignmentMode::parse).orElse(AlignmentMode.RELAXED);
    }

    /** {@code t=y}: receivers apply one level less than the policy says. */
    public boolean testing() {
        return value(DmarcTag.T).map("y"::equalsIgnoreCase).orElse(false);
    }

    public PsdFlag psd() {
        return value(DmarcTag.PSD).flatMap(PsdFlag::parse).orElse(PsdFlag.UNSPECIFIED);
    }

    /** The valid URIs of {@code rua}, in order. */
    public List<ReportUri> aggregateReportUris() {
        return uris(DmarcTag.RUA);
    }

    /** The valid URIs of {@code ruf}, in order. */
    public List<ReportUri> failureReportUris() {
        return uris(DmarcTag.RUF);
    }

    /** The valid URIs of {@code rua} or {@code ruf}. */
    public List<ReportUri> reportUris(DmarcTag tag) {
        return uris(tag);
    }

    /** {@code fo}, if present and valid. */
    public Optional<String> failureOptions() {
        return value(DmarcTag.FO).filter(DmarcRecord::validFailureOptions);
    }

    /** The legacy RFC 7489 {@code pct}, if present and valid (0 to 100). */
    public OptionalInt percentage() {
        Optional<String> pct = value(DmarcTag.PCT).filter(DmarcRecord::validPercentage);
        return pct.isPresent() ? OptionalInt.of(Integer.parseInt(pct.get())) : OptionalInt.empty();
    }

    /** The tags RFC 9989 removed ({@code pct}, {@code rf}, {@code ri}), as published. */
    public List<Tag> legacyTags() {
        return tags.stream().filter(t -> t.known().map(DmarcTag::legacy).orElse(false)).toList();
    }

    /** The tags neither RFC 9989 nor RFC 7489 defines, which receivers ignore. */
    public List<Tag> unknownTags() {
        return tags.stream().filter(t -> t.known().isEmpty()).toList();
    }

    public PolicyState policyState() {
        boolean usable = policy().isPresent()
                && (value(DmarcTag.SP).isEmpty() || subdomainPolicy().isPresent())
                && (value(DmarcTag.NP).isEmpty() || nonExistentPolicy().isPresent());
        if (usable) {
            return PolicyState.USABLE;
        }
        return aggregateReportUris().isEmpty() ? PolicyState.IGNORED : PolicyState.TREATED_AS_NONE;
    }

    /**
     * The policy the record asks for in a scope, before test mode: {@code np} falls back to
     * {@code sp}, which falls back to {@code p}; a record that counts as {@code p=none} asks for
     * none everywhere.
     *
     * @return empty when receivers ignore the record ({@link PolicyState#IGNORED})
     */
    public Optional<Policy> requestedPolicy(PolicyScope scope) {
        return switch (policyState()) {
            case IGNORED -> Optional.empty();
            case TREATED_AS_NONE -> Optional.of(Policy.NONE);
            case USABLE -> Optional.of(switch (scope) {
                case DOMAIN -> policy().orElseThrow();
                case SUBDOMAIN -> subdomainPolicy().or(this::policy).orElseThrow();
                case NON_EXISTENT_SUBDOMAIN -> nonExistentPolicy().or(this::subdomainPolicy).or(this::policy).orElseThrow();
            });
        };
    }

    /**
     * The tag whose value is in effect in a scope, after the fallbacks: {@code np} to {@code sp}
     * to {@code p}. For a subdomain that does not exist under a record without {@code np} but
     * with {@code sp}, that is {@code sp}.
     */
    public DmarcTag tagInEffect(PolicyScope scope) {
        return switch (scope) {
            case DOMAIN -> DmarcTag.P;
            case SUBDOMAIN -> subdomainPolicy().isPresent() ? DmarcTag.SP : DmarcTag.P;
            case NON_EXISTENT_SUBDOMAIN -> nonExistentPolicy().isPresent() ? DmarcTag.NP
                    : subdomainPolicy().isPresent() ? DmarcTag.SP : DmarcTag.P;
        };
    }

    /** What receivers following RFC 9989 apply to failing mail in a scope: the request, one level less under {@code t=y}. */
    public Optional<Policy> appliedPolicy(PolicyScope scope) {
        return requestedPolicy(scope).map(policy -> testing() ? policy.oneLevelLess() : policy);
    }

    /**
     * The record as a zone-file line for {@code domain}, the form admins paste into a zone:
     * {@code _dmarc.example.com. 3600 IN TXT "v=DMARC1; p=none"}. A text longer than one TXT string
     * (255 characters) is split into several strings, which receivers join again.
     *
     * @param ttl the record's time to live in seconds: the one it has as published when it
     *     replaces a record, else the one the user chose
     */
    public String zoneLine(String domain, long ttl) {
        return TxtStrings.zoneLine(DomainName.of(domain).prefixed(PolicyDiscovery.DMARC_LABEL).ascii(), ttl, text);
    }

    /**
     * What the record means to a receiver, written out so that two records mean the same exactly
     * when their canonical forms are equal: {@code V=DMARC1;P=Reject;RUA=mailto:d@Example.COM}
     * and {@code v=DMARC1; p=reject; rua=mailto:d@example.com} both give
     * {@code v=DMARC1; p=reject; rua=mailto:d@example.com}.
     *
     * <p>Known tags come in {@link DmarcTag} order with their parsed value: keywords in lower case
     * (RFC 9989's literals are case-insensitive), numbers without leading zeros, {@code fo}'s
     * options as a set, {@code rua} and {@code ruf} as lists of URIs whose scheme and mail domain
     * are in lower case. A value the grammar does not allow, an unknown tag (by name) and a part
     * that is not a tag at all are kept as written, after them. A tag left out is not the same as
     * a tag written with its default value: the record says less. A text that does not start
     * exactly with {@code v=DMARC1} ({@code v=dmarc1}, a leading space) is ignored by receivers
     * and means only itself, so its canonical form is the text as written.
     */
    public String canonical() {
        if (!isDmarc()) {
            return text;
        }
        List<String> parts = new ArrayList<>();
        Comparator<Tag> order = Comparator.comparing((Tag t) -> t.known().map(Enum::ordinal).orElse(Integer.MAX_VALUE))
                .thenComparing(Tag::name);
        tags.stream().sorted(order).forEach(tag -> parts.add(tag.name() + "=" + canonicalValue(tag)));
        parts.addAll(malformedParts);
        String canonical = String.join("; ", parts);
        // An empty tag (two semicolons) written last would read as the final separator the grammar
        // allows; one more semicolon keeps it an empty tag, so the canonical form reads back as itself.
        return parts.get(parts.size() - 1).isEmpty() ? canonical + ";" : canonical;
    }

    /** True when receivers read both records the same way: their {@link #canonical()} forms are equal. */
    public boolean sameMeaning(DmarcRecord other) {
        return canonical().equals(other.canonical());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DmarcRecord record && record.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }

    private Optional<String> value(DmarcTag tag) {
        return tag(tag).map(Tag::value);
    }

    private static String canonicalValue(Tag tag) {
        String value = tag.value();
        if (tag.known().isEmpty()) {
            return value;
        }
        Optional<String> parsed = switch (tag.known().get()) {
            case V -> Optional.of(value);
            case P, SP, NP -> Policy.parse(value).map(Policy::tagValue);
            case ADKIM, ASPF -> AlignmentMode.parse(value).map(AlignmentMode::tagValue);
            case PSD -> PsdFlag.parse(value).map(PsdFlag::tagValue);
            case T -> Optional.of(value.toLowerCase(Locale.ROOT)).filter(v -> v.equals("y") || v.equals("n"));
            case FO -> Optional.of(value).filter(DmarcRecord::validFailureOptions).map(DmarcRecord::canonicalFailureOptions);
            case PCT -> Optional.of(value).filter(DmarcRecord::validPercentage).map(v -> String.valueOf(Long.parseLong(v)));
            case RI -> Optional.of(value).filter(v -> DIGITS.matcher(v).matches()).map(v -> String.valueOf(Long.parseLong(v)));
            case RF -> Optional.of(value.toLowerCase(Locale.ROOT)).filter(DmarcRecord::validReportFormats);
            case RUA, RUF -> Optional.of(canonicalUriList(value));
        };
        return parsed.orElse(value);
    }

    /** The options in one fixed order, lower case: {@code fo=D:1} and {@code fo=1:d} ask for the same reports. */
    private static String canonicalFailureOptions(String value) {
        Set<String> options = Set.of(value.toLowerCase(Locale.ROOT).split(":"));
        return Stream.of("0", "1", "d", "s").filter(options::contains).collect(Collectors.joining(":"));
    }

    /** Each URI of the list in order, a valid one with its scheme and mail domain in lower case, others as written. */
    private static String canonicalUriList(String value) {
        return Stream.of(value.split(",", -1))
                .map(entry -> ReportUri.parse(entry).map(ReportUri::canonical).orElse(entry.strip()))
                .collect(Collectors.joining(","));
    }

    private static boolean validReportFormats(String value) {
        return Stream.of(value.split(":", -1))
                .allMatch(format -> format.equalsIgnoreCase("afrf") || format.equalsIgnoreCase("iodef"));
    }

    private List<ReportUri> uris(DmarcTag tag) {
        return value(tag).stream()
                .flatMap(list -> List.of(list.split(",", -1)).stream())
                .map(ReportUri::parse)
                .flatMap(Optional::stream)
                .toList();
    }

    /** {@code dmarc-fo}: 0, 1, d and s joined by colons, each at most once, not both 0 and 1. */
    static boolean validFailureOptions(String value) {
        Set<String> seen = new LinkedHashSet<>();
        for (String option : value.split(":", -1)) {
            String lower = option.toLowerCase(Locale.ROOT);
            if (!List.of("0", "1", "d", "s").contains(lower) || !seen.add(lower)) {
                return false;
            }
        }
        return !(seen.contains("0") && seen.contains("1"));
    }

    private static boolean validPercentage(String value) {
        return DIGITS.matcher(value).matches() && Long.parseLong(value) <= 100;
    }

    /** Reads the text tag by tag, keeping positions for the problems it finds. */
    private static final class Parser {

        private final String text;
        private final List<Tag> tags = new ArrayList<>();
        private final List<SyntaxProblem> problems = new ArrayList<>();
        private final List<String> malformedParts = new ArrayList<>();

        Parser(String text) {
            this.text = text;
        }

        DmarcRecord parse() {
            List<int[]> segments = segments();
            for (int i = 0; i < segments.size(); i++) {
                int start = segments.get(i)[0];
                int end = segments.get(i)[1];
                boolean last = i == segments.size() - 1;
                readSegment(start, end, last);
            }
            VersionStatus version = versionStatus();
            Set<String> seen = new LinkedHashSet<>();
            for (Tag tag : tags) {
                if (!seen.add(tag.name())) {
                    problems.add(new SyntaxProblem(Kind.DUPLICATE_TAG, tag.position(), tag.name(), tag.value(), ""));
                } else {
                    checkValue(tag);
                }
            }
            problems.sort(Comparator.comparingInt(SyntaxProblem::position));
            return new DmarcRecord(text, version, tags, problems, malformedParts);
        }

        /** The [start, end) ranges between semicolons. */
        private List<int[]> segments() {
            List<int[]> segments = new ArrayList<>();
            int start = 0;
            for (int i = 0; i <= text.length(); i++) {
                if (i == text.length() || text.charAt(i) == ';') {
                    segments.add(new int[] {start, i});
                    start = i + 1;
                }
            }
            return segments;
        }

        private void readSegment(int start, int end, boolean last) {
            String segment = text.substring(start, end);
            if (segment.isBlank()) {
                // After the final semicolon there may be nothing (dmarc-record ends in [dmarc-sep]).
                if (!last) {
                    problems.add(new SyntaxProblem(Kind.EMPTY_TAG, start + 1, "", "", ""));
                    malformedParts.add(segment.strip());
                }
                return;
            }
            int nameStart = start + leadingSpace(segment);
            int equals = segment.indexOf('=');
            if (equals < 0) {
                problems.add(new SyntaxProblem(Kind.MISSING_EQUALS, nameStart + 1, "", segment.strip(), ""));
                malformedParts.add(segment.strip());
                return;
            }
            String name = segment.substring(0, equals).strip();
            String value = segment.substring(equals + 1).strip();
            if (!TAG_NAME.matcher(name).matches()) {
                problems.add(new SyntaxProblem(Kind.BAD_TAG_NAME, nameStart + 1, "", name, ""));
                malformedParts.add(segment.strip());
                return;
            }
            String lowerName = name.toLowerCase(Locale.ROOT);
            if (value.isEmpty()) {
                problems.add(new SyntaxProblem(Kind.MISSING_VALUE, nameStart + 1, lowerName, "", ""));
                malformedParts.add(segment.strip());
                return;
            }
            int valueStart = start + equals + 1 + leadingSpace(segment.substring(equals + 1));
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x20 || c > 0x7e) {
                    problems.add(new SyntaxProblem(Kind.BAD_CHARACTER, valueStart + i + 1, lowerName,
                            String.format("U+%04X", (int) c), ""));
                    malformedParts.add(segment.strip());
                    return;
                }
            }
            tags.add(new Tag(lowerName, value, nameStart + 1));
        }

        /** Judged on the text itself: the record must begin with the version tag, nothing before it. */
        private VersionStatus versionStatus() {
            Optional<Tag> first = tags.stream().findFirst();
            boolean firstIsVersion = first.isPresent() && first.get().name().equals("v")
                    && text.substring(0, first.get().position() - 1).isBlank();
            if (firstIsVersion && first.get().value().equals(VERSION)) {
                if (first.get().position() > 1) {
                    problems.add(new SyntaxProblem(Kind.LEADING_SPACE, 1, "v", "", "v=DMARC1"));
                    return VersionStatus.LEADING_SPACE;
                }
                return VersionStatus.VALID;
            }
            if (firstIsVersion) {
                problems.add(new SyntaxProblem(Kind.VERSION_VALUE, first.get().position(), "v",
                        "v=" + first.get().value(), "v=DMARC1"));
                return VersionStatus.WRONG_VALUE;
            }
            boolean later = tags.stream().anyMatch(t -> t.name().equals("v") && t.value().equals(VERSION));
            if (later) {
                return VersionStatus.NOT_FIRST;
            }
            problems.add(new SyntaxProblem(Kind.VERSION_MISSING, 1, "v", "", "v=DMARC1"));
            return VersionStatus.MISSING;
        }

        private void checkValue(Tag tag) {
            Optional<DmarcTag> known = tag.known();
            if (known.isEmpty()) {
                return;
            }
            String value = tag.value();
            String expected = switch (known.get()) {
                case P, SP, NP -> Policy.parse(value).isPresent() ? null : POLICY_VALUES;
                case ADKIM, ASPF -> AlignmentMode.parse(value).isPresent() ? null : "r | s";
                case T -> value.equalsIgnoreCase("y") || value.equalsIgnoreCase("n") ? null : "y | n";
                case PSD -> PsdFlag.parse(value).isPresent() ? null : "y | n | u";
                case FO -> validFailureOptions(value) ? null : "0 | 1 | d | s, joined by colons (fo=1:d)";
                case PCT -> validPercentage(value) ? null : "0 to 100";
                case RI -> DIGITS.matcher(value).matches() ? null : "a number of seconds";
                case RF -> validReportFormats(value) ? null : "afrf";
                case RUA, RUF -> {
                    checkUris(tag);
                    yield null;
                }
                case V -> null;
            };
            if (expected != null) {
                problems.add(new SyntaxProblem(Kind.INVALID_VALUE, tag.position(), tag.name(), value, expected));
            }
        }

        private void checkUris(Tag tag) {
            int valueStart = text.indexOf('=', tag.position() - 1) + 1;
            valueStart += leadingSpace(text.substring(valueStart));
            int offset = 0;
            for (String entry : tag.value().split(",", -1)) {
                if (ReportUri.parse(entry).isEmpty()) {
                    String written = entry.strip();
                    String suggestion = written.contains("@") && !written.contains(":")
                            ? ReportUri.mailto(written) : "mailto:ADDRESS";
                    problems.add(new SyntaxProblem(Kind.BAD_URI, valueStart + offset + leadingSpace(entry) + 1,
                            tag.name(), written, suggestion));
                }
                offset += entry.length() + 1;
            }
        }

        private static int leadingSpace(String text) {
            int count = 0;
            while (count < text.length() && isSpace(text.charAt(count))) {
                count++;
            }
            return count;
        }

        private static boolean isSpace(char c) {
            return c == ' ' || c == '\t';
        }
    }
}
