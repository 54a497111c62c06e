package org.mailwright.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mailwright.dns.DomainName;
import org.mailwright.i18n.Messages;
import org.mailwright.i18n.Problem;

/** RFC 8461 section 3.2's policy, read strictly and within bounds, whatever a server sends. */
class MtaStsPolicyTest {

    /** The example of RFC 8461 section 3.2. */
    private static final String RFC_EXAMPLE = """
            version: STSv1
            mode: enforce
            mx: mail.example.com
            mx: *.example.net
            mx: backupmx.example.com
            max_age: 604800
            """;

    private static MtaStsPolicy policy(String text) {
        MtaStsPolicy.Parsed parsed = MtaStsPolicy.parse(text.getBytes(StandardCharsets.UTF_8));
        assertTrue(parsed.problem().isEmpty(), () -> parsed.problem().get().text(Locale.ENGLISH));
        return parsed.policy().orElseThrow();
    }

    private static String problem(String text) {
        return problem(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String problem(byte[] body) {
        MtaStsPolicy.Parsed parsed = MtaStsPolicy.parse(body);
        assertTrue(parsed.policy().isEmpty(), "refused");
        return parsed.problem().orElseThrow().text(Locale.ENGLISH);
    }

    @Test
    void theRfcExampleReads() {
        MtaStsPolicy policy = policy(RFC_EXAMPLE);

        assertEquals("STSv1", policy.version());
        assertEquals(MtaStsPolicy.Mode.ENFORCE, policy.mode());
        assertEquals(604800, policy.maxAge());
        assertEquals("mail.example.com, *.example.net, backupmx.example.com", policy.patterns());
        assertEquals(policy, policy(RFC_EXAMPLE.replace("\n", "\r\n")), "CRLF reads as LF does");
        assertEquals(policy, policy(RFC_EXAMPLE.strip()), "the last line needs no ending");
    }

    @ParameterizedTest
    @CsvSource({
        "mail.example.com, true",
        "MAIL.Example.COM, true",
        "foo.example.net, true",
        "example.net, false",
        "a.b.example.net, false",
        "mail.example.com.evil.test, false",
        "backupmx.example.com, true",
        "other.example.com, false"})
    void aWildcardStandsForExactlyOneLabel(String host, boolean matches) {
        assertEquals(matches, policy(RFC_EXAMPLE).matches(DomainName.of(host)));
    }

    @Test
    void internationalPatternsMatchTheirALabels() {
        MtaStsPolicy policy = policy("version: STSv1\nmode: testing\nmx: *.bücher.test\nmax_age: 86400\n");

        assertTrue(policy.matches(DomainName.of("mx.xn--bcher-kva.test")));
        assertEquals("*.xn--bcher-kva.test", policy.patterns());
    }

    @Test
    void unknownFieldsWhiteSpaceAndBlankLinesArePassedOver() {
        MtaStsPolicy policy = policy("version:STSv1 \t\n\nmode:\tenforce\nfuture_field: anything at all\n"
                + "future_field: again\nmx: mail.example.com\nmax_age: 0\n\n");

        assertEquals(MtaStsPolicy.Mode.ENFORCE, policy.mode());
        assertEquals(0, policy.maxAge());
    }

    @Test
    void aWithdrawnPolicyNeedsNoMx() {
        assertEquals(List.of(), policy("version: STSv1\nmode: none\nmax_age: 86400\n").mx());
        assertEquals("in testing mode it needs at least one mx line",
                problem("version: STSv1\nmode: testing\nmax_age: 86400\n"));
    }

    @Test
    void versionModeAndMaxAgeAreEachWrittenOnce() {
        assertEquals("the version field is written twice", problem(RFC_EXAMPLE + "version: STSv1\n"));
        assertEquals("the mode field is written twice", problem(RFC_EXAMPLE + "mode: testing\n"));
        assertEquals("the max_age field is written twice", problem(RFC_EXAMPLE + "max_age: 604800\n"));
        assertEquals("the version field is missing", problem(RFC_EXAMPLE.replace("version: STSv1\n", "")));
        assertEquals("the mode field is missing", problem(RFC_EXAMPLE.replace("mode: enforce\n", "")));
        assertEquals("the max_age field is missing", problem(RFC_EXAMPLE.replace("max_age: 604800\n", "")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "version: STSv2|the version is STSv2, not STSv1",
        "version: stsv1|the version is stsv1, not STSv1",
        "mode: Enforce|the mode Enforce is none of enforce, testing and none, in lower case",
        "mode: reject|the mode reject is none of enforce, testing and none, in lower case",
        "max_age: 31557601|max_age 31557601 is no whole number of seconds from 0 to 31557600",
        "max_age: -1|max_age -1 is no whole number of seconds from 0 to 31557600",
        "max_age: 1e5|max_age 1e5 is no whole number of seconds from 0 to 31557600",
        "max_age: 00000000001|max_age 00000000001 is no whole number of seconds from 0 to 31557600",
        "max_age: ٣٠٠|max_age ٣٠٠ is no whole number of seconds from 0 to 31557600",
        "mx: *.|the mx pattern *. is neither a host name nor *. before a domain",
        "mx: mail.example.com.|the mx pattern mail.example.com. is neither a host name nor *. before a domain",
        "mx: *.*.example.com|the mx pattern *.*.example.com is neither a host name nor *. before a domain",
        "mx: mx*.example.com|the mx pattern mx*.example.com is neither a host name nor *. before a domain",
        "mx: mail example.com|the mx pattern mail example.com is neither a host name nor *. before a domain",
        "mx:|the mx pattern  is neither a host name nor *. before a domain"})
    void valuesOutsideTheGrammarAreRefused(String line, String problem) {
        String field = line.substring(0, line.indexOf(':'));
        String text = Arrays.stream(RFC_EXAMPLE.split("\n"))
                .filter(existing -> field.equals("mx") || !existing.startsWith(field + ":"))
                .collect(Collectors.joining("\n", "", "\n")) + line + "\n";

        assertEquals(problem, problem(text));
    }

    @Test
    void theLongestMaxAgeIsAYear() {
        assertEquals(MtaStsPolicy.MAX_AGE_LIMIT, policy(RFC_EXAMPLE.replace("604800", "31557600")).maxAge());
    }

    @Test
    void aLineThatIsNoFieldIsRefusedByItsNumber() {
        assertEquals("line 2 is no \"key: value\" field (mode = enforce)", problem("version: STSv1\nmode = enforce\n"));
        assertEquals("line 2 is no \"key: value\" field ( mode: enforce)", problem("version: STSv1\n mode: enforce\n"));
        assertEquals("line 1 is no \"key: value\" field (\uFEFFversion: STSv1)", problem("\uFEFF" + RFC_EXAMPLE));
    }

    @Test
    void linesEndedByACarriageReturnAloneAreRefused() {
        assertEquals("line 1 ends in a carriage return alone, where lines end in LF or CRLF",
                problem(RFC_EXAMPLE.replace("\n", "\r")));
    }

    @Test
    void controlCharactersAreRefused() {
        assertEquals("line 3 holds the control character U+0000",
                problem(RFC_EXAMPLE.replace("mail.example.com", "mail.example.com\0")));
        assertEquals("line 1 holds the control character U+001B", problem("\u001b[31m" + RFC_EXAMPLE));
    }

    @Test
    void octetsThatAreNoUtf8AreRefused() {
        byte[] latin1 = RFC_EXAMPLE.replace("mail.example.com", "correo.españa.test").getBytes(StandardCharsets.ISO_8859_1);

        assertEquals("it is not UTF-8 text", problem(latin1));
    }

    @Test
    void tenMegabytesAreRefusedAtOnce() {
        byte[] huge = new byte[10 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'a');

        String said = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> problem(huge));

        assertEquals("it is larger than 64 KB", said);
        assertEquals("it is larger than 64 KB", problem("mx: a.test\n".repeat(7000)));
    }

    @Test
    void aPolicyOfManyPatternsWithinTheBoundReads() {
        StringBuilder text = new StringBuilder("version: STSv1\nmode: enforce\nmax_age: 86400\n");
        for (int i = 0; text.length() < MtaStsPolicy.MAX_SIZE - 40; i++) {
            text.append("mx: mx").append(i).append(".example.test\n");
        }

        MtaStsPolicy policy = policy(text.toString());

        assertTrue(policy.mx().size() > 2000);
        assertTrue(policy.matches(DomainName.of("mx1999.example.test")));
        assertFalse(policy.matches(DomainName.of("mx.example.test")));
    }

    /** Every sentence of the MTA-STS area is in both languages, with the same values in it. */
    @Test
    void everySentenceIsInEnglishAndSpanish() throws IOException {
        Properties english = bundle("messages.properties");
        Properties spanish = bundle("messages_es.properties");
        Set<String> keys = keys(english);

        assertFalse(keys.isEmpty());
        assertEquals(keys, keys(spanish));
        for (String key : keys) {
            assertEquals(placeholders(english.getProperty(key)), placeholders(spanish.getProperty(key)), key);
            for (Properties words : List.of(english, spanish)) {
                assertFalse(words.getProperty(key).replace("''", "").contains("'"), key + ": MessageFormat needs '' for '");
            }
            for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("es"))) {
                String text = new Problem(key, 7, 8, 443).text(locale);
                assertFalse(text.startsWith("[") || text.contains("{"), key + ": " + text);
            }
        }
        assertEquals("the server's certificate is not valid for mta-sts.example.test",
                Messages.get(Locale.ENGLISH, "check.mtasts.fetch.certificate-name", "mta-sts.example.test"));
    }

    private static Set<String> keys(Properties properties) {
        return properties.stringPropertyNames().stream().filter(key -> key.startsWith("check.mtasts."))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = Pattern.compile("\\{\\d").matcher(pattern);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
