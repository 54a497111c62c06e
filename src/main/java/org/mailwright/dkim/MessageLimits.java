package org.mailwright.dkim;

/**
 * How much of a message Mailwright reads: messages come from strangers, so their size, the
 * number of their header fields and the length of a header line are bounded, and a message past
 * a bound is refused with a {@link MessageLimitException} naming it. The body's lines are not
 * bounded: the body is only ever canonicalized and hashed as a stream.
 *
 * @param maxBytes the largest message read, in octets
 * @param maxHeaderFields the most header fields a message may have
 * @param maxHeaderLineOctets the longest line of the header section, without its CRLF (RFC 5322
 *     allows 998 octets; some software writes longer ones)
 */
public record MessageLimits(long maxBytes, int maxHeaderFields, int maxHeaderLineOctets) {

    /** 64 MiB: more than any mail server accepts (most stop at 25 to 50 MB). */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    /** A message is held in memory, so not even a user may ask for more than 1 GiB. */
    public static final long MAX_BYTES_CEILING = 1024L * 1024 * 1024;
    /** Real messages have tens of fields, long relay chains a few hundred. */
    public static final int DEFAULT_MAX_HEADER_FIELDS = 10_000;
    public static final int DEFAULT_MAX_HEADER_LINE_OCTETS = 64 * 1024;

    public static final MessageLimits DEFAULT =
            new MessageLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_HEADER_FIELDS, DEFAULT_MAX_HEADER_LINE_OCTETS);

    /** @throws IllegalArgumentException when a bound is not positive or {@code maxBytes} is past the ceiling */
    public MessageLimits {
        if (maxBytes < 1 || maxBytes > MAX_BYTES_CEILING) {
            throw new IllegalArgumentException("maxBytes must be from 1 to " + MAX_BYTES_CEILING + ", not " + maxBytes);
        }
        if (maxHeaderFields < 1 || maxHeaderLineOctets < 1) {
            throw new IllegalArgumentException("the header bounds must be positive");
        }
    }

    public MessageLimits withMaxBytes(long bytes) {
        return new MessageLimits(bytes, maxHeaderFields, maxHeaderLineOctets);
    }
}
