package org.mailwright.spf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * Macro-strings (RFC 7208 section 7) parsed and expanded with request data a fuzzer writes:
 * local parts, HELO names and domains of any characters and length. The contract: parsing
 * succeeds or refuses with {@link SpfSyntaxException}; an expansion is bounded (a domain is cut
 * from the left to 253 characters at a label boundary, an explanation to
 * {@value MacroString#MAX_EXPLANATION}); every expanded name either goes to DNS in a form it can
 * carry or is refused, never an exception. An input is lines: the use ({@code d} domain-spec,
 * {@code e} explanation, {@code m} modifier value), the macro-string, the local part, the domain,
 * the HELO name, the client's address. {@code JAZZER_FUZZ=1 mvn test -Dtest=MacroStringFuzzTest} fuzzes.
 */
class MacroStringFuzzTest {

    private static final int MAX_NAME = 253;

    @FuzzTest(maxDuration = "10m")
    void expand(byte[] data) {
        List<String> fields = Arrays.asList(new String(data, StandardCharsets.UTF_8).split("\n", 6));
        String use = field(fields, 0);
        MacroString.Use as = use.startsWith("e") ? MacroString.Use.EXPLANATION
                : use.startsWith("m") ? MacroString.Use.MODIFIER_VALUE : MacroString.Use.DOMAIN_SPEC;
        MacroString macros;
        try {
            macros = MacroString.parse(field(fields, 1), as);
        } catch (SpfSyntaxException refused) {
            return;
        }
        String localPart = field(fields, 2);
        String domain = field(fields, 3);
        MacroContext context = new MacroContext(localPart + "@" + domain, localPart, domain, domain, client(field(fields, 5)),
                field(fields, 4), "receiver.test", 1_700_000_000L, null);

        String name = macros.expandDomain(context);
        assertTrue(name.length() <= MAX_NAME || name.indexOf('.', name.length() - MAX_NAME - 1) < 0,
                () -> "not cut at a label boundary: " + name.length());
        SpfNames.query(name).ifPresent(MacroStringFuzzTest::assertSendable);
        assertTrue(macros.expand(context).length() <= MacroString.MAX_EXPLANATION);
        macros.literalDomain().flatMap(SpfNames::query).ifPresent(MacroStringFuzzTest::assertSendable);
        SpfEvaluator.checkableDomain(domain).ifPresent(MacroStringFuzzTest::assertSendable);
        SpfNames.fromAnswer(field(fields, 4)).ifPresent(host ->
                assertSendable(SpfNames.query(host).orElseThrow(() -> new AssertionError("a host from an answer that cannot be sent: " + host))));
    }

    /** What SPF sends is a name the resolver reads as one name of at most 255 octets. */
    private static void assertSendable(String query) {
        try {
            Name.fromString(query, Name.root);
        } catch (TextParseException e) {
            throw new AssertionError("\"" + query + "\" cannot be sent: " + e.getMessage(), e);
        }
    }

    private static String field(List<String> fields, int index) {
        return index < fields.size() ? fields.get(index) : "";
    }

    private static InetAddress client(String text) {
        try {
            return IpText.parseAddress(text);
        } catch (IllegalArgumentException notAnAddress) {
            return IpText.parseAddress("192.0.2.1");
        }
    }
}
