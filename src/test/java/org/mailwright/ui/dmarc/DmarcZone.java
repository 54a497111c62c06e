package org.mailwright.ui.dmarc;

/** The test data of the DMARC page: one zone for the whole of {@code test.}, so tree walks end there. */
final class DmarcZone {

    static final String ZONE = """
            $ORIGIN test.
            $TTL 300
            @                          SOA   ns hostmaster 2026112501 3600 600 86400 300
            @                          NS    ns
            ns                         A     127.0.0.1
            ; corp.test: quarantine in test mode, reports to itself and to a vendor that accepts them; its
            ; record's TTL (7200) differs from the zone's, so a zone-file line shows whose TTL it took
            corp                       MX    10 mail.corp.test.
            mail.corp                  A     192.0.2.20
            corp                       TXT   "v=spf1 mx -all"
            _dmarc.corp           7200 TXT   "v=DMARC1; p=quarantine; t=y; rua=mailto:dmarc@corp.test,mailto:corp@reports.vendor.test"
            google._domainkey.corp     TXT   "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="
            www.corp                   A     192.0.2.21
            ; a report service that accepts reports for every domain
            reports.vendor             MX    10 mx.vendor.test.
            mx.vendor                  A     192.0.2.30
            *._report._dmarc.reports.vendor TXT "v=DMARC1;"
            _dmarc.vendor              TXT   "v=DMARC1; p=reject; rua=mailto:dmarc@vendor.test"
            ; another organization, which does not
            other                      MX    10 mx.other.test.
            mx.other                   A     192.0.2.40
            ; fresh.test: no DMARC at all, SPF but no DKIM
            fresh                      MX    10 mail.corp.test.
            fresh                      TXT   "v=spf1 mx ~all"
            ; nothing.test: a domain that receives no mail
            nothing                    MX    0 .
            """;

    private DmarcZone() {
    }
}
