package org.mailwright.dns;

import java.util.Locale;
import org.mailwright.i18n.LocalizedText;
import org.mailwright.i18n.Messages;

/**
 * How a lookup ended. Only {@link #OK}, {@link #NXDOMAIN} and {@link #NODATA} say what is
 * published; every other outcome is a fault, named as precisely as the reply allows, so that no
 * caller reads a broken server as a missing record.
 *
 * <p>In the faults from {@link #SERVFAIL} to {@link #CNAME_OUT_OF_ZONE} a server answered, though not
 * with the records ({@link #isAnswer()}); from {@link #TRUNCATED} on no usable answer came back.
 */
public enum Outcome implements LocalizedText {
    /** The name exists and has records of the asked type. */
    OK,
    /** The name does not exist (RCODE 3). */
    NXDOMAIN,
    /** The name exists but has no records of the asked type (RCODE 0, empty answer). */
    NODATA,
    /** The server failed to answer (RCODE 2), often a broken delegation or DNSSEC failure. */
    SERVFAIL,
    /** The server refused the query (RCODE 5), usually because it does not serve that zone. */
    REFUSED,
    /**
     * The server neither answered nor denied but referred to other name servers (NS records in the
     * authority section, not authoritative): a lame delegation, or a server that does not recurse.
     * Also a server asked directly, without recursion, that answers without authority: it does not
     * serve the zone and answered from a cache.
     */
    LAME,
    /** The answer's chain of aliases (CNAME) comes back to a name it already passed. */
    CNAME_LOOP,
    /** The answer's chain of aliases is longer than resolvers follow (16 aliases). */
    CNAME_CHAIN,
    /** The reply answers another question, or holds records for another name or type than asked. */
    WRONG_NAME,
    /**
     * The name is an alias (CNAME) of a name the reply says nothing about: the alias leads into a
     * zone this server does not serve, and it did not follow it.
     */
    CNAME_OUT_OF_ZONE,
    /** The reply came over TCP with the TC (truncated) flag set: there is no larger way to ask. */
    TRUNCATED,
    /** The reply could not be read as a DNS message. */
    MALFORMED,
    /** The TCP connection closed before the whole reply arrived, on every connection tried. */
    CLOSED,
    /** No answer arrived within the timeout, after every retry. */
    TIMEOUT,
    /** Not asked: the check had already sent all the queries it may send ({@link ResolverOptions#maxQueries()}). */
    QUERY_LIMIT,
    /** Not answered in time: the check's overall deadline ({@link ResolverOptions#deadline()}) passed. */
    DEADLINE,
    /** The query could not be made (an unknown server, a network error, an unexpected RCODE). */
    ERROR;

    /** The name used in JSON output and in message keys: lower case, words joined by hyphens ({@code cname-loop}). */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The outcome in words ("no answer", "server failure"), in {@code locale}'s language. */
    @Override
    public String text(Locale locale) {
        return Messages.get(locale, wordsKey());
    }

    /** The key of {@link #text} in the core bundle, for an argument said in a finding's language. */
    public String wordsKey() {
        return "dns.outcome." + jsonName();
    }

    /**
     * True when the answer says what is published: records, or that there are none (NXDOMAIN,
     * NODATA). A fault says nothing about the records.
     */
    public boolean isConclusive() {
        return this == OK || this == NXDOMAIN || this == NODATA;
    }

    /** True when a server answered, whatever its response code or the fault in its reply. */
    public boolean isAnswer() {
        // Exhaustive, so a new outcome cannot be added without deciding this.
        return switch (this) {
            case OK, NXDOMAIN, NODATA, SERVFAIL, REFUSED, LAME, CNAME_LOOP, CNAME_CHAIN, WRONG_NAME, CNAME_OUT_OF_ZONE -> true;
            case TRUNCATED, MALFORMED, CLOSED, TIMEOUT, QUERY_LIMIT, DEADLINE, ERROR -> false;
        };
    }

    /** True when the lookup was cut short by the check's own bounds rather than by a server. */
    public boolean isCutShort() {
        return this == QUERY_LIMIT || this == DEADLINE;
    }
}
