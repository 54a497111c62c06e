package org.mailwright.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.RecordType;
import org.mailwright.i18n.ProblemException;
import org.mailwright.publish.UpdatePolicy.Configuration;
import org.mailwright.publish.UpdatePolicy.Grant;
import org.mailwright.publish.UpdatePolicy.Match;
import org.mailwright.publish.UpdatePolicy.Software;

/** The texts {@link UpdatePolicy} writes for each server, what it allows, and what it refuses to write. */
class UpdatePolicyTest {

    private static final Locale SPANISH = Locale.forLanguageTag("es");

    private final UpdatePolicy policy = UpdatePolicy.of("Example.COM.", "mailwright", "hmac-sha256");

    @Test
    void theGrantsAreTheMailRecordsOnly() {
        assertEquals(List.of(
                new Grant(DomainName.of("example.com"), Match.EXACT, List.of(RecordType.TXT)),
                new Grant(DomainName.of("_mta-sts.example.com"), Match.EXACT, List.of(RecordType.TXT)),
                new Grant(DomainName.of("_smtp._tls.example.com"), Match.EXACT, List.of(RecordType.TXT)),
                new Grant(DomainName.of("_domainkey.example.com"), Match.EXACT, List.of(RecordType.TXT)),
                new Grant(DomainName.of("_dmarc.example.com"), Match.AT_OR_BELOW, List.of(RecordType.TXT)),
                new Grant(DomainName.of("_domainkey.example.com"), Match.BELOW, List.of(RecordType.TXT, RecordType.CNAME))),
                policy.grants());
    }

    @Test
    void permitsTheMailRecordsAndNothingElse() {
        assertTrue(permits("example.com", RecordType.TXT));
        assertTrue(permits("_dmarc.example.com", RecordType.TXT));
        assertTrue(permits("example.net._report._dmarc.example.com", RecordType.TXT));
        assertTrue(permits("s1._domainkey.example.com", RecordType.TXT));
        assertTrue(permits("s1._domainkey.example.com", RecordType.CNAME));
        assertTrue(permits("_domainkey.example.com", RecordType.TXT));
        assertTrue(permits("_mta-sts.example.com", RecordType.TXT));
        assertTrue(permits("_smtp._tls.example.com", RecordType.TXT));

        assertFalse(permits("example.com", RecordType.MX));
        assertFalse(permits("example.com", RecordType.A));
        assertFalse(permits("example.com", RecordType.NS));
        assertFalse(permits("example.com", RecordType.CNAME));
        assertFalse(permits("www.example.com", RecordType.TXT));
        assertFalse(permits("_dmarc.example.com", RecordType.CNAME));
        assertFalse(permits("_domainkey.example.com", RecordType.CNAME));
        assertFalse(permits("a._mta-sts.example.com", RecordType.TXT));
        assertFalse(permits("x._smtp._tls.example.com", RecordType.TXT));
        assertFalse(permits("_dmarc.example.net", RecordType.TXT));
        assertFalse(permits("example.com.evil.test", RecordType.TXT));
        assertFalse(permits("x_dmarc.example.com", RecordType.TXT));
    }

    @Test
    void knotGetsTheKeyWithAPlaceholderAndThreeAclEntries() {
        assertEquals("""
                key:
                  - id: mailwright
                    algorithm: hmac-sha256
                    secret: PASTE_THE_BASE64_SECRET_HERE
                """, policy.knotKeySection());
        assertEquals("""
                acl:
                  - id: mailwright-example.com-exact
                    key: mailwright
                    action: update
                    update-type: [TXT]
                    update-owner: name
                    update-owner-match: equal
                    update-owner-name: [example.com., _mta-sts.example.com., _smtp._tls.example.com., _domainkey.example.com.]
                  - id: mailwright-example.com-at-or-below
                    key: mailwright
                    action: update
                    update-type: [TXT]
                    update-owner: name
                    update-owner-match: sub-or-equal
                    update-owner-name: [_dmarc.example.com.]
                  - id: mailwright-example.com-below
                    key: mailwright
                    action: update
                    update-type: [TXT, CNAME]
                    update-owner: name
                    update-owner-match: sub
                    update-owner-name: [_domainkey.example.com.]
                """, policy.knotAclSection());
        assertEquals(List.of("mailwright-example.com-exact", "mailwright-example.com-at-or-below", "mailwright-example.com-below"),
                policy.knotAclIds());
        assertEquals("    acl: [mailwright-example.com-exact, mailwright-example.com-at-or-below, mailwright-example.com-below]\n",
                policy.knotZoneAclLine());
    }

    @Test
    void noOwnerNameFallsUnderTwoKnotEntries() {
        // So one name's changes always fit one entry, whatever types they touch.
        for (Grant grant : policy.grants()) {
            for (Grant other : policy.grants()) {
                if (grant.owner().equals(other.owner()) && grant.match() == other.match()) {
                    assertEquals(policy.knotAclId(grant), policy.knotAclId(other));
                }
            }
        }
        assertEquals("mailwright-example.com-below",
                policy.knotAclId(policy.grantFor(DomainName.of("s1._domainkey.example.com"), RecordType.CNAME).orElseThrow()));
        assertEquals("mailwright-example.com-below",
                policy.knotAclId(policy.grantFor(DomainName.of("s1._domainkey.example.com"), RecordType.TXT).orElseThrow()));
        assertEquals("mailwright-example.com-exact",
                policy.knotAclId(policy.grantFor(DomainName.of("_domainkey.example.com"), RecordType.TXT).orElseThrow()));
    }

    @Test
    void bindGetsTheKeyWithAPlaceholderAndOneGrantPerRule() {
        assertEquals("""
                key "mailwright" {
                    algorithm hmac-sha256;
                    secret "PASTE_THE_BASE64_SECRET_HERE";
                };
                """, policy.bindKeyStatement());
        assertEquals("""
                update-policy {
                    grant mailwright name example.com. TXT;
                    grant mailwright name _mta-sts.example.com. TXT;
                    grant mailwright name _smtp._tls.example.com. TXT;
                    grant mailwright name _domainkey.example.com. TXT;
                    grant mailwright subdomain _dmarc.example.com. TXT;
                    grant mailwright wildcard *._domainkey.example.com. TXT CNAME;
                };
                """, policy.bindUpdatePolicy());
    }

    @Test
    void powerDnsGetsTheCommandsTheConfLinesAndALuaPolicy() {
        assertEquals("""
                pdnsutil import-tsig-key mailwright hmac-sha256 'PASTE_THE_BASE64_SECRET_HERE'
                pdnsutil set-meta example.com TSIG-ALLOW-DNSUPDATE mailwright
                """, policy.powerDnsCommands());
        assertEquals("""
                dnsupdate=yes
                lua-dnsupdate-policy-script=/etc/powerdns/mailwright-update-policy.lua
                """, policy.powerDnsConfLines());
        String script = policy.powerDnsScript();
        assertTrue(script.contains("""
                local grants = {
                  { zone = "example.com.", key = "mailwright.", owner = "example.com.", match = "equal", types = { "TXT" } },
                  { zone = "example.com.", key = "mailwright.", owner = "_mta-sts.example.com.", match = "equal", types = { "TXT" } },
                  { zone = "example.com.", key = "mailwright.", owner = "_smtp._tls.example.com.", match = "equal", types = { "TXT" } },
                  { zone = "example.com.", key = "mailwright.", owner = "_domainkey.example.com.", match = "equal", types = { "TXT" } },
                  { zone = "example.com.", key = "mailwright.", owner = "_dmarc.example.com.", match = "sub-or-equal", types = { "TXT" } },
                  { zone = "example.com.", key = "mailwright.", owner = "_domainkey.example.com.", match = "sub", types = { "TXT", "CNAME" } },
                }
                """), script);
        assertTrue(script.contains("function updatepolicy(input)\n"), script);
        assertTrue(script.contains("input:getZoneName(), input:getTsigName()"), script);
        assertTrue(script.contains("input:getQName(), input:getQType()"), script);
        assertTrue(script.endsWith("  return false\nend\n"), script);
    }

    @Test
    void noTextHoldsASecret() {
        for (Configuration configuration : policy.configurations()) {
            String all = configuration.snippets().stream().map(UpdatePolicy.Snippet::text).collect(Collectors.joining());
            if (configuration.software() != Software.POWERDNS || all.contains("import-tsig-key")) {
                assertTrue(all.contains(UpdatePolicy.SECRET_PLACEHOLDER), configuration.software() + ":\n" + all);
            }
        }
    }

    @Test
    void anInternationalZoneIsWrittenInItsAsciiForm() {
        UpdatePolicy international = UpdatePolicy.of("bücher.test", "clé", "HMAC-SHA512");
        assertEquals("xn--bcher-kva.test", international.zone().ascii());
        assertEquals("xn--cl-cja", international.keyName().ascii());
        assertEquals(TsigAlgorithm.HMAC_SHA512, international.algorithm());
        assertTrue(international.knotAclSection().contains("update-owner-name: [xn--bcher-kva.test., "), international.knotAclSection());
        assertTrue(international.bindKeyStatement().contains("algorithm hmac-sha512;"));
    }

    @Test
    void eachConfigurationSaysWhatItAllowsAndWhereItGoesInEnglishAndSpanish() {
        for (Configuration configuration : policy.configurations()) {
            for (Locale locale : List.of(Locale.ENGLISH, SPANISH)) {
                String explanation = configuration.explanation(locale);
                assertFalse(explanation.contains("["), locale + " " + configuration.software() + ": a key is missing: " + explanation);
                assertTrue(explanation.contains("_dmarc.example.com"), explanation);
                assertTrue(explanation.contains(UpdatePolicy.SECRET_PLACEHOLDER), explanation);
                configuration.snippets().forEach(snippet -> assertFalse(snippet.where().in(locale).startsWith("["), snippet.where().key()));
            }
        }
        assertTrue(policy.configuration(Software.KNOT).explanation(Locale.ENGLISH).contains("Key mailwright may change only"));
        assertTrue(policy.configuration(Software.KNOT).explanation(SPANISH).contains("La clave mailwright solo puede cambiar"));
        assertTrue(policy.configuration(Software.KNOT).explanation(Locale.ENGLISH).contains("NOTAUTH with BADKEY"));
        assertTrue(policy.configuration(Software.POWERDNS).explanation(Locale.ENGLISH)
                .startsWith("PowerDNS's TSIG-ALLOW-DNSUPDATE can only allow a key the whole zone"));
        assertTrue(policy.configuration(Software.POWERDNS).explanation(SPANISH)
                .contains("la respuesta sigue siendo NOERROR"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com\"; allow-update { any; }; //", "example.com}", "exa{mple.com", "example.com;",
        "example.com\nzone: x", "example.com\rx", "exam ple.com", "example.com#", "example.com,other.test", "[example.com]",
        "example.com'", "ex\\ample.com", "`example.com`"})
    void aZoneThatCouldInjectConfigurationIsRefusedNamingTheCharacter(String zone) {
        ProblemException refused = assertThrows(ProblemException.class, () -> UpdatePolicy.of(zone, "mailwright", "hmac-sha256"));
        assertEquals("publish.policy.zone-unsafe", refused.problem().key());
        String english = refused.problem().text(Locale.ENGLISH);
        assertTrue(english.startsWith("A zone name cannot hold "), english);
        assertFalse(english.contains("\n") || english.contains("\r"), english);
        assertTrue(refused.problem().text(SPANISH).startsWith("Un nombre de zona no puede contener "));
    }

    @Test
    void theCharacterIsNamedAsItIsOrByItsCodeWhenUnseen() {
        assertEquals("A zone name cannot hold \": written into a server's configuration, it could end the name and add "
                + "settings of its own. A zone name has only letters, digits, hyphens, underscores and dots.",
                assertThrows(ProblemException.class, () -> UpdatePolicy.of("a\".test", "k", "hmac-sha256")).getMessage());
        assertTrue(assertThrows(ProblemException.class, () -> UpdatePolicy.of("a\n.test", "k", "hmac-sha256"))
                .getMessage().startsWith("A zone name cannot hold U+000A:"));
    }

    @Test
    void spacesAndALineBreakAroundANameAreLeftOutAsPastingAddsThem() {
        UpdatePolicy pasted = UpdatePolicy.of("  example.com\n", "\tmailwright\r\n", " hmac-sha256 ");
        assertEquals("example.com", pasted.zone().ascii());
        assertEquals("mailwright", pasted.keyName().ascii());
        assertEquals(policy.knotAclSection(), pasted.knotAclSection());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mailwright\"; }; key \"x", "mail{wright", "mailwright;", "mail wright", "mailwright\nkey: x"})
    void aKeyNameThatCouldInjectConfigurationIsRefused(String keyName) {
        ProblemException refused = assertThrows(ProblemException.class, () -> UpdatePolicy.of("example.com", keyName, "hmac-sha256"));
        assertEquals("publish.policy.key-unsafe", refused.problem().key());
        assertTrue(refused.getMessage().startsWith("A TSIG key name cannot hold "), refused.getMessage());
    }

    @Test
    void aZoneOrKeyThatIsNoDomainNameSaysWhyInTheReadersLanguage() {
        ProblemException email = assertThrows(ProblemException.class, () -> UpdatePolicy.of("admin@example.com", "k", "hmac-sha256"));
        assertEquals("\"admin@example.com\" is not a zone name. Enter only the domain, the part after the @: example.com.",
                email.getMessage());
        assertEquals("\"admin@example.com\" no es un nombre de zona. Escriba solo el dominio, la parte que va después de la @: example.com.",
                email.problem().text(SPANISH));

        ProblemException key = assertThrows(ProblemException.class, () -> UpdatePolicy.of("example.com", "a..b", "hmac-sha256"));
        assertEquals("\"a..b\" is not a TSIG key name (a key is named like a domain, for example mailwright or "
                + "mailwright.example.com). There is an empty part between two dots, or a dot at the start.", key.getMessage());

        assertEquals("\"https://example.com/\" is not a zone name. Enter only the domain name, without http:// or a path: example.com.",
                assertThrows(ProblemException.class, () -> UpdatePolicy.of("https://example.com/", "k", "hmac-sha256")).getMessage());

        ProblemException oneLabel = assertThrows(ProblemException.class, () -> UpdatePolicy.of("example", "k", "hmac-sha256"));
        assertEquals("publish.policy.zone-invalid", oneLabel.problem().key());
        assertThrows(ProblemException.class, () -> UpdatePolicy.of("", "k", "hmac-sha256"));
        assertThrows(ProblemException.class, () -> UpdatePolicy.of("example.com", null, "hmac-sha256"));
    }

    @Test
    void aLongWrongValueIsRepeatedByItsStartOnly() {
        String longName = "a".repeat(70) + "." + "b".repeat(10_000) + ".test";
        ProblemException refused = assertThrows(ProblemException.class, () -> UpdatePolicy.of(longName, "k", "hmac-sha256"));
        assertTrue(refused.getMessage().startsWith("\"" + "a".repeat(60) + "…\" is not a zone name."), refused.getMessage());
        assertTrue(refused.getMessage().length() < 300, refused.getMessage());
    }

    @Test
    void aZoneTooLongForItsMailNamesIsRefused() {
        String zone = String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(51));
        ProblemException refused = assertThrows(ProblemException.class, () -> UpdatePolicy.of(zone, "k", "hmac-sha256"));
        assertEquals("publish.policy.zone-too-long", refused.problem().key());
        assertTrue(refused.getMessage().endsWith("a zone for mail has at most 242."), refused.getMessage());
    }

    @Test
    void onlyTheTwoAlgorithmsAreAccepted() {
        ProblemException refused = assertThrows(ProblemException.class, () -> UpdatePolicy.of("example.com", "k", "hmac-md5"));
        assertEquals("\"hmac-md5\" is not a TSIG algorithm Mailwright signs with; use hmac-sha256, hmac-sha512.", refused.getMessage());
        assertEquals("\"hmac-md5\" no es un algoritmo TSIG con el que firme Mailwright; use hmac-sha256, hmac-sha512.",
                refused.problem().text(SPANISH));
        assertTrue(assertThrows(ProblemException.class, () -> UpdatePolicy.of("example.com", "k", "x\ny")).getMessage()
                .startsWith("\"x\uFFFDy\" is not"));
    }

    @Test
    void everyEnglishWordHasASpanishOne() throws IOException {
        Set<String> english = keys("messages.properties");
        assertTrue(english.contains("publish.policy.allows"));
        assertTrue(english.contains("cli.help.mailwright.publish-policy.usage.description"));
        assertEquals(english, keys("messages_es.properties"));
    }

    private boolean permits(String name, RecordType type) {
        return policy.permits(DomainName.of(name), type);
    }

    private static Set<String> keys(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = UpdatePolicyTest.class.getResourceAsStream("/org/mailwright/i18n/" + resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties.stringPropertyNames().stream()
                .filter(key -> key.startsWith("publish.policy.") || key.contains("publish-policy"))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
