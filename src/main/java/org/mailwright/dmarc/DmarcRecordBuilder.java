package org.mailwright.dmarc;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.StringJoiner;

/**
 * Writes a DMARC record from its parts, in a fixed order ({@code v}, {@code p}, {@code sp},
 * {@code np}, {@code t}, {@code psd}, {@code adkim}, {@code aspf}, {@code pct}, {@code rua},
 * {@code ruf}, {@code fo}) so the same choices always give the same text. Only what was set is
 * written; {@code p} is required. {@code pct} is RFC 7489's, kept for receivers not yet on RFC
 * 9989, which ignore it.
 */
public final class DmarcRecordBuilder {

    private Policy policy;
    private Policy subdomainPolicy;
    private Policy nonExistentPolicy;
    private boolean testing;
    private PsdFlag psd;
    private AlignmentMode dkimAlignment;
    private AlignmentMode spfAlignment;
    private OptionalInt percentage = OptionalInt.empty();
    private final List<ReportUri> aggregateReports = new ArrayList<>();
    private final List<ReportUri> failureReports = new ArrayList<>();
    private String failureOptions;

    public DmarcRecordBuilder policy(Policy value) {
        this.policy = Objects.requireNonNull(value, "policy");
        return this;
    }

    public DmarcRecordBuilder subdomainPolicy(Policy value) {
        this.subdomainPolicy = value;
        return this;
    }

    public DmarcRecordBuilder nonExistentPolicy(Policy value) {
        this.nonExistentPolicy = value;
        return this;
    }

    /** {@code t=y} when true; nothing when false ({@code n} is the default). */
    public DmarcRecordBuilder testing(boolean value) {
        this.testing = value;
        return this;
    }

    public DmarcRecordBuilder psd(PsdFlag value) {
        this.psd = value;
        return this;
    }

    public DmarcRecordBuilder dkimAlignment(AlignmentMode value) {
        this.dkimAlignment = value;
        return this;
    }

    public DmarcRecordBuilder spfAlignment(AlignmentMode value) {
        this.spfAlignment = value;
        return this;
    }

    /**
     * The legacy RFC 7489 {@code pct}.
     *
     * @throws IllegalArgumentException unless it is between 0 and 100
     */
    public DmarcRecordBuilder percentage(int value) {
        if (value < 0 || value > 100) {
            throw new IllegalArgumentException("pct must be between 0 and 100, not " + value + ".");
        }
        this.percentage = OptionalInt.of(value);
        return this;
    }

    /** @throws IllegalArgumentException when {@code uri} would not read back as this one URI (see {@link #oneUri}) */
    public DmarcRecordBuilder aggregateReport(ReportUri uri) {
        aggregateReports.add(oneUri(uri));
        return this;
    }

    /** @throws IllegalArgumentException when {@code uri} would not read back as this one URI (see {@link #oneUri}) */
    public DmarcRecordBuilder failureReport(ReportUri uri) {
        failureReports.add(oneUri(uri));
        return this;
    }

    /**
     * {@code uri}, when its text reads back as exactly this URI: a URI made up in code rather than
     * read by {@link ReportUri#parse} or {@link ReportUri#fromUser} could hold a semicolon or a
     * comma, and end the tag or the list early in the record.
     */
    private static ReportUri oneUri(ReportUri uri) {
        Objects.requireNonNull(uri, "uri");
        if (!ReportUri.parse(uri.toString()).map(ReportUri::toString).equals(Optional.of(uri.toString()))) {
            throw new IllegalArgumentException("\"" + uri + "\" is not one report URI as a record must hold it.");
        }
        return uri;
    }

    /**
     * {@code fo}: 0, 1, d and s joined by colons.
     *
     * @throws IllegalArgumentException when it is not valid {@code dmarc-fo}
     */
    public DmarcRecordBuilder failureOptions(String value) {
        if (!DmarcRecord.validFailureOptions(value)) {
            throw new IllegalArgumentException("fo takes 0, 1, d and s joined by colons, not \"" + value + "\".");
        }
        this.failureOptions = value;
        return this;
    }

    /**
     * The record's text.
     *
     * @throws IllegalStateException when no policy was set
     */
    public String text() {
        if (policy == null) {
            throw new IllegalStateException("A DMARC record needs a policy (p).");
        }
        StringJoiner record = new StringJoiner("; ");
        record.add("v=" + DmarcRecord.VERSION);
        record.add("p=" + policy.tagValue());
        add(record, "sp", subdomainPolicy == null ? null : subdomainPolicy.tagValue());
        add(record, "np", nonExistentPolicy == null ? null : nonExistentPolicy.tagValue());
        add(record, "t", testing ? "y" : null);
        add(record, "psd", psd == null ? null : psd.tagValue());
        add(record, "adkim", dkimAlignment == null ? null : dkimAlignment.tagValue());
        add(record, "aspf", spfAlignment == null ? null : spfAlignment.tagValue());
        add(record, "pct", percentage.isPresent() ? Integer.toString(percentage.getAsInt()) : null);
        add(record, "rua", uriList(aggregateReports));
        add(record, "ruf", uriList(failureReports));
        add(record, "fo", failureOptions);
        return record.toString();
    }

    /** The record, read back as receivers will read it. */
    public DmarcRecord build() {
        return DmarcRecord.parse(text());
    }

    private static void add(StringJoiner record, String tag, String value) {
        if (value != null) {
            record.add(tag + "=" + value);
        }
    }

    private static String uriList(List<ReportUri> uris) {
        return uris.isEmpty() ? null : String.join(",", uris.stream().map(ReportUri::toString).toList());
    }
}
