package org.mailwright.reports;

/**
 * The bounds on what one report file may make Mailwright do. Report files come from strangers, so
 * every size, ratio, count and depth is bounded: a zip or gzip bomb, a mailbox of a million parts
 * or a report nested a thousand levels deep is refused, not followed.
 *
 * @param maxDecompressedBytes octets all the gzip and zip layers of one file may produce together
 * @param maxCompressionRatio how many times its compressed size a decompressed stream may grow to
 *     (applied once it has produced {@link #RATIO_FLOOR} octets)
 * @param maxZipEntries entries read from one zip archive
 * @param maxMessageBytes octets of one mail message (it is held in memory to find its parts)
 * @param maxMimeParts parts of one message, at every level together
 * @param maxNesting layers of containers (gzip, zip, message, part) around one report
 * @param maxXmlDepth elements nested inside one another in a report
 * @param maxTextLength characters of one element's text
 * @param maxReportsPerFile reports and failure reports in one file (a mailbox, say)
 */
public record ReportLimits(long maxDecompressedBytes, int maxCompressionRatio, int maxZipEntries, int maxMessageBytes,
        int maxMimeParts, int maxNesting, int maxXmlDepth, int maxTextLength, int maxReportsPerFile) {

    /** Octets a decompressed stream may produce before its ratio is checked: small files compress oddly. */
    public static final long RATIO_FLOOR = 1L << 20;

    /**
     * Generous for every real report (a 100 MB report in a gzip, a mailbox of ten thousand reports),
     * small enough that a bomb stops in well under a second.
     */
    public static final ReportLimits DEFAULT = new ReportLimits(1L << 30, 250, 64, 64 << 20, 256, 8, 32, 64 * 1024,
            100_000);

    public ReportLimits {
        if (maxDecompressedBytes < 1 || maxCompressionRatio < 1 || maxZipEntries < 1 || maxMessageBytes < 1
                || maxMimeParts < 1 || maxNesting < 1 || maxXmlDepth < 4 || maxTextLength < 1 || maxReportsPerFile < 1) {
            throw new IllegalArgumentException("Every report limit must be positive (and the XML depth at least 4).");
        }
    }

    public ReportLimits withMaxDecompressedBytes(long bytes) {
        return new ReportLimits(bytes, maxCompressionRatio, maxZipEntries, maxMessageBytes, maxMimeParts, maxNesting,
                maxXmlDepth, maxTextLength, maxReportsPerFile);
    }

    public ReportLimits withMaxMessageBytes(int bytes) {
        return new ReportLimits(maxDecompressedBytes, maxCompressionRatio, maxZipEntries, bytes, maxMimeParts, maxNesting,
                maxXmlDepth, maxTextLength, maxReportsPerFile);
    }
}
