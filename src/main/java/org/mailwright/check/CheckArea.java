package org.mailwright.check;

import java.util.Locale;
import org.mailwright.i18n.LocalizedText;
import org.mailwright.i18n.Messages;

/**
 * The areas of the scorecard, in the order it shows them, each with its weight in the overall
 * score (see the README's "Scoring"): what decides whether mail is delivered and trusted weighs
 * most; optional extras weigh little.
 */
public enum CheckArea implements LocalizedText {
    NAME_SERVERS("ns", 2),
    MAIL_HOSTS("mx", 2),
    SPF("spf", 3),
    DKIM("dkim", 3),
    DMARC("dmarc", 3),
    TRANSPORT("transport", 2),
    DNSSEC("dnssec", 1),
    BLOCKLISTS("blocklists", 2),
    BIMI("bimi", 0);

    private final String id;
    private final int weight;

    CheckArea(String id, int weight) {
        this.id = id;
        this.weight = weight;
    }

    /** The key of the area in JSON and in message keys, such as {@code mx}. */
    public String id() {
        return id;
    }

    /** How much the area counts in the overall score, relative to the others. */
    public int weight() {
        return weight;
    }

    /** The area's name for people, such as "Mail hosts". */
    @Override
    public String text(Locale locale) {
        return Messages.get(locale, "check.area." + id);
    }
}
