package org.mailwright.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.RecordType;

/**
 * The PowerDNS Lua update policy, run by a Lua interpreter against a stand-in for the part of
 * PowerDNS 4.x's Lua API it calls ({@code newDN}, a name's {@code equal} and {@code isPartOf}, the
 * {@code pdns} type codes, the update's {@code getZoneName}, {@code getTsigName}, {@code getQName}
 * and {@code getQType}). It proves the script is valid Lua and decides as {@link UpdatePolicy#permits}
 * does, in its zone, for its key only; PowerDNS itself is not run. Skipped where no {@code lua} is
 * installed ({@code apt-get install -y lua5.4}).
 */
class UpdatePolicyPowerDnsScriptTest {

    /** The stand-in: names in lower case with the final dot; the empty name (an unsigned update) is "". */
    private static final String POWERDNS_STAND_IN = """
            pdns = { A = 1, NS = 2, CNAME = 5, SOA = 6, MX = 15, TXT = 16, AAAA = 28, ANY = 255 }
            local DN = {}
            DN.__index = DN
            local function canonical(text)
              if text == "" then return "" end
              text = text:lower()
              if text:sub(-1) ~= "." then text = text .. "." end
              return text
            end
            function newDN(text) return setmetatable({ name = canonical(text) }, DN) end
            function DN:equal(text) return self.name == canonical(text) end
            function DN:isPartOf(other)
              return self.name == other.name or (self.name ~= "" and self.name:sub(-#other.name - 1) == "." .. other.name)
            end
            local function update(zone, key, name, qtype)
              return {
                getZoneName = function() return newDN(zone) end,
                getTsigName = function() return newDN(key) end,
                getQName = function() return newDN(name) end,
                getQType = function() return pdns[qtype] end,
              }
            end
            function decide(zone, key, name, qtype)
              print(zone .. " " .. (key == "" and "-" or key) .. " " .. name .. " " .. qtype .. " "
                .. tostring(updatepolicy(update(zone, key, name, qtype))))
            end
            """;

    private static final List<String> OWNERS = List.of("@", "_dmarc", "x._report._dmarc", "_domainkey", "s1._domainkey",
            "a.b._domainkey", "_mta-sts", "a._mta-sts", "_smtp._tls", "x._smtp._tls", "www", "mail", "_dmarc.www");
    private static final List<String> TYPES = List.of("TXT", "CNAME", "A", "MX", "NS", "ANY");

    private final UpdatePolicy policy = UpdatePolicy.of("example.com", "mailwright", "hmac-sha256");

    @Test
    void theScriptAllowsTheKeyExactlyTheGrantsInItsZone(@TempDir Path folder) throws Exception {
        List<String> calls = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (String owner : OWNERS) {
            String name = owner.equals("@") ? "example.com." : owner + ".example.com.";
            for (String type : TYPES) {
                calls.add(call("example.com.", "mailwright.", name, type));
                boolean permitted = RecordType.parse(type).map(t -> policy.permits(DomainName.of(name), t)).orElse(false);
                expected.add("example.com. mailwright. " + name + " " + type + " " + permitted);
            }
        }
        // Names and keys in another case are the same names.
        calls.add(call("EXAMPLE.com.", "MailWright.", "S1._DomainKey.Example.COM.", "TXT"));
        expected.add("EXAMPLE.com. MailWright. S1._DomainKey.Example.COM. TXT true");
        // Another key, an unsigned update, another zone, a name in another zone that ends alike: refused.
        calls.add(call("example.com.", "other.", "_dmarc.example.com.", "TXT"));
        expected.add("example.com. other. _dmarc.example.com. TXT false");
        calls.add(call("example.com.", "", "_dmarc.example.com.", "TXT"));
        expected.add("example.com. - _dmarc.example.com. TXT false");
        calls.add(call("example.net.", "mailwright.", "_dmarc.example.net.", "TXT"));
        expected.add("example.net. mailwright. _dmarc.example.net. TXT false");
        calls.add(call("example.com.", "mailwright.", "x_dmarc.example.com.", "TXT"));
        expected.add("example.com. mailwright. x_dmarc.example.com. TXT false");

        assertEquals(expected, run(folder, String.join("\n", calls)));
    }

    @Test
    void theScriptDefinesUpdatepolicyAndNothingElseGlobal(@TempDir Path folder) throws Exception {
        List<String> globals = run(folder, """
                for name, value in pairs(_G) do
                  if name == "updatepolicy" or name == "grants" or name == "owner_matches" then print(name .. " " .. type(value)) end
                end
                """);
        assertEquals(List.of("updatepolicy function"), globals);
    }

    private List<String> run(Path folder, String calls) throws Exception {
        Optional<Path> lua = Stream.of("lua5.4", "lua5.3", "lua").map(KnotServer::program)
                .flatMap(Optional::stream).findFirst();
        Assumptions.assumeTrue(lua.isPresent(), "No Lua interpreter is installed, so the PowerDNS update policy is not run;"
                + " install one with: apt-get install -y lua5.4");
        Path script = folder.resolve("policy.lua");
        Files.writeString(script, POWERDNS_STAND_IN + policy.powerDnsScript() + calls + "\n", StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(lua.get().toString(), script.toString()).redirectErrorStream(true).start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "lua did not end");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        return output.lines().toList();
    }

    private static String call(String zone, String key, String name, String type) {
        return "decide(\"" + zone + "\", \"" + key + "\", \"" + name + "\", \"" + type + "\")";
    }
}
