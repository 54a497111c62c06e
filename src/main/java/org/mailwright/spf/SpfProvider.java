package org.mailwright.spf;

import java.util.Arrays;
import java.util.Optional;
import org.mailwright.dns.DomainName;

/**
 * Common services that send mail for a domain, with the include their SPF instructions give.
 * The wizard offers these; any other include can be typed in.
 */
public enum SpfProvider {
    GOOGLE_WORKSPACE("Google Workspace", "_spf.google.com"),
    MICROSOFT_365("Microsoft 365", "spf.protection.outlook.com"),
    AMAZON_SES("Amazon SES", "amazonses.com"),
    SENDGRID("SendGrid", "sendgrid.net"),
    MAILGUN("Mailgun", "mailgun.org"),
    MAILCHIMP("Mailchimp", "servers.mcsv.net"),
    MANDRILL("Mandrill (Mailchimp Transactional)", "spf.mandrillapp.com"),
    POSTMARK("Postmark", "spf.mtasv.net"),
    ZOHO("Zoho Mail", "zoho.com"),
    FASTMAIL("Fastmail", "spf.messagingengine.com"),
    BREVO("Brevo", "spf.brevo.com");

    private final String displayName;
    private final String include;

    SpfProvider(String displayName, String include) {
        this.displayName = displayName;
        this.include = include;
    }

    public String displayName() {
        return displayName;
    }

    /** The domain to include, as in {@code include:_spf.google.com}. */
    public String include() {
        return include;
    }

    /** The provider whose include this is, when it is one of the list. */
    public static Optional<SpfProvider> byInclude(String domain) {
        return DomainName.parse(domain).name().flatMap(name -> Arrays.stream(values())
                .filter(provider -> provider.include.equals(name.ascii()))
                .findFirst());
    }
}
