package org.mailwright.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.RecordType;
import org.mailwright.i18n.Messages;
import org.mailwright.i18n.Problem;
import org.mailwright.i18n.ProblemException;

/**
 * Least privilege for dynamic updates (RFC 2136 with TSIG): what a name server must be told so
 * that one key may change only a zone's mail records, and nothing else in it. The records are
 * <ul>
 * <li>TXT at the apex (SPF), at {@code _mta-sts} (MTA-STS) and at {@code _smtp._tls} (TLS-RPT);</li>
 * <li>TXT at {@code _dmarc} and every name below it (DMARC, and the authorizations of report
 *     destinations, {@code *._report._dmarc});</li>
 * <li>TXT at {@code _domainkey}, and TXT and CNAME below it (DKIM keys, and keys delegated to a
 *     provider by CNAME).</li>
 * </ul>
 * The same {@link #grants() grants} are written for Knot DNS (a key and acl entries limited by owner
 * and type), BIND 9 (an {@code update-policy}) and PowerDNS (its TSIG-ALLOW-DNSUPDATE metadata,
 * which allows a whole zone, narrowed by a Lua update policy). The secret never appears: each text
 * holds {@link #SECRET_PLACEHOLDER}, which no server accepts as a secret, so it cannot be loaded
 * by mistake before the real one is put in.
 *
 * <p>Knot judges a whole UPDATE message by one acl entry: a message whose records fall under two
 * entries (the SPF record and the DMARC record, say) is refused, answered NOTAUTH with BADKEY as if
 * the key were unknown. The entries written here never share an owner name, so a sender that puts
 * each name in a message of its own is always judged rightly; {@link #knotAclId(Grant)} says which
 * names may share one.
 */
public final class UpdatePolicy {

    /** Stands for the key's secret in every text; not base64, so every server refuses it as it is. */
    public static final String SECRET_PLACEHOLDER = "PASTE_THE_BASE64_SECRET_HERE";
    /** Where the PowerDNS texts say to save the Lua update policy. */
    public static final String POWERDNS_SCRIPT = "/etc/powerdns/mailwright-update-policy.lua";

    /** {@code _smtp._tls.}: the longest prefix a grant puts in front of the zone. */
    private static final int LONGEST_PREFIX = "_smtp._tls.".length();
    /**
     * Characters that would end a name in a server's configuration and start something else
     * (besides control characters and spaces). DomainName refuses them too, and every other
     * character a name cannot hold; these are named as the danger they are.
     */
    private static final String CONFIGURATION_SYNTAX = "\"'`{}[];,#\\";

    /** The name servers whose configuration is written. */
    public enum Software {
        KNOT("knot"),
        BIND("bind"),
        POWERDNS("powerdns");

        private final String id;

        Software(String id) {
            this.id = id;
        }

        /** The name the command line and JSON use: {@code knot}, {@code bind}, {@code powerdns}. */
        public String id() {
            return id;
        }

        public static Optional<Software> parse(String text) {
            String value = text == null ? "" : text.strip();
            for (Software software : values()) {
                if (software.id.equalsIgnoreCase(value)) {
                    return Optional.of(software);
                }
            }
            return Optional.empty();
        }
    }

    /** How a grant's owner name matches the names of updated records. */
    public enum Match {
        /** The owner name itself only. */
        EXACT("equal", "exact"),
        /** The owner name and every name below it. */
        AT_OR_BELOW("sub-or-equal", "at-or-below"),
        /** Every name below the owner name, not the owner name itself. */
        BELOW("sub", "below");

        private final String knotName;
        private final String id;

        Match(String knotName, String id) {
            this.knotName = knotName;
            this.id = id;
        }

        /** Knot's {@code update-owner-match} value, which the PowerDNS script uses too. */
        public String knotName() {
            return knotName;
        }

        /** The name JSON uses: {@code exact}, {@code at-or-below}, {@code below}. */
        public String id() {
            return id;
        }

        public boolean matches(DomainName name, DomainName owner) {
            return switch (this) {
                case EXACT -> name.equals(owner);
                case AT_OR_BELOW -> name.isAtOrBelow(owner);
                case BELOW -> name.isAtOrBelow(owner) && !name.equals(owner);
            };
        }
    }

    /** The key may change records of {@code types} at names that {@code match} {@code owner}. */
    public record Grant(DomainName owner, Match match, List<RecordType> types) {
        public Grant {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(match, "match");
            types = List.copyOf(types);
        }

        public boolean permits(DomainName name, RecordType type) {
            return types.contains(type) && match.matches(name, owner);
        }
    }

    /** A text in the reader's language: a key of the core's bundle and the values it mentions. */
    public record LocalizedText(String key, List<Object> arguments) {
        public LocalizedText {
            Objects.requireNonNull(key, "key");
            arguments = List.copyOf(arguments);
        }

        public String in(Locale locale) {
            return Messages.get(locale, key, arguments.toArray());
        }
    }

    /** One text to paste or run, and where it goes (in the reader's language). */
    public record Snippet(LocalizedText where, String text) {
        public Snippet {
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * Everything one kind of server needs: what it allows and how to put it in place, then the
     * texts in the order they are pasted or run.
     */
    public record Configuration(Software software, List<LocalizedText> explanation, List<Snippet> snippets) {
        public Configuration {
            Objects.requireNonNull(software, "software");
            explanation = List.copyOf(explanation);
            snippets = List.copyOf(snippets);
        }

        /** The explanation as one paragraph in {@code locale}'s language (the command line prints each part on a line). */
        public String explanation(Locale locale) {
            return explanation.stream().map(sentence -> sentence.in(locale)).collect(Collectors.joining(" "));
        }
    }

    private final DomainName zone;
    private final DomainName keyName;
    private final TsigAlgorithm algorithm;
    private final List<Grant> grants;

    /**
     * @throws ProblemException ({@code publish.policy.zone-too-long}) when a mail name of the zone,
     *     {@code _smtp._tls.ZONE} the longest, would not fit in DNS's 253 characters
     */
    public UpdatePolicy(DomainName zone, DomainName keyName, TsigAlgorithm algorithm) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.keyName = Objects.requireNonNull(keyName, "keyName");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        if (zone.ascii().length() + LONGEST_PREFIX > DomainName.MAX_LENGTH) {
            throw new ProblemException(new Problem("publish.policy.zone-too-long", zone.ascii(),
                    DomainName.MAX_LENGTH - LONGEST_PREFIX));
        }
        DomainName domainKeys = zone.prefixed("_domainkey");
        this.grants = List.of(
                new Grant(zone, Match.EXACT, List.of(RecordType.TXT)),
                new Grant(zone.prefixed("_mta-sts"), Match.EXACT, List.of(RecordType.TXT)),
                new Grant(zone.prefixed("_smtp._tls"), Match.EXACT, List.of(RecordType.TXT)),
                new Grant(domainKeys, Match.EXACT, List.of(RecordType.TXT)),
                new Grant(zone.prefixed("_dmarc"), Match.AT_OR_BELOW, List.of(RecordType.TXT)),
                new Grant(domainKeys, Match.BELOW, List.of(RecordType.TXT, RecordType.CNAME)));
    }

    /**
     * The policy for the zone, key name and algorithm as a user gives them: the zone as a mail
     * domain (international names in their A-label form), the key name as a domain name, the
     * algorithm {@code hmac-sha256} or {@code hmac-sha512}.
     *
     * @throws ProblemException saying which of the three is wrong and why, in the reader's words:
     *     a character that would break out of a configuration file (a quote, a brace, a semicolon,
     *     a line break...) is named as such
     */
    public static UpdatePolicy of(String zone, String keyName, String algorithm) {
        DomainName zoneName = name(zone, "zone", true);
        DomainName key = name(keyName, "key", false);
        TsigAlgorithm chosen = TsigAlgorithm.parse(algorithm).orElseThrow(() -> new ProblemException(new Problem(
                "publish.policy.algorithm", shown(algorithm == null ? "" : algorithm.strip()), allowedAlgorithms())));
        return new UpdatePolicy(zoneName, key, chosen);
    }

    public DomainName zone() {
        return zone;
    }

    public DomainName keyName() {
        return keyName;
    }

    public TsigAlgorithm algorithm() {
        return algorithm;
    }

    /** What the key may change, each grant written once for every kind of server. */
    public List<Grant> grants() {
        return grants;
    }

    /** The grant that lets the key change records of {@code type} at {@code name}, if any does. */
    public Optional<Grant> grantFor(DomainName name, RecordType type) {
        return grants.stream().filter(grant -> grant.permits(name, type)).findFirst();
    }

    /** True when the key may change records of {@code type} at {@code name}. */
    public boolean permits(DomainName name, RecordType type) {
        return grantFor(name, type).isPresent();
    }

    /**
     * The id of Knot's acl entry that holds {@code grant}. Knot accepts an UPDATE message only
     * when one entry allows all of its records, so changes may share a message only when their
     * grants share this id.
     */
    public String knotAclId(Grant grant) {
        if (!grants.contains(grant)) {
            throw new IllegalArgumentException(grant + " is not one of this policy's grants.");
        }
        return knotAclPrefix() + grant.match().id();
    }

    /** The ids of the acl entries that the zone's {@code acl:} list must name. */
    public List<String> knotAclIds() {
        return List.copyOf(knotAclEntries().keySet());
    }

    /** Knot's {@code key:} section for the key, its secret left as {@link #SECRET_PLACEHOLDER}. */
    public String knotKeySection() {
        return "key:\n"
                + "  - id: " + keyName.ascii() + "\n"
                + "    algorithm: " + algorithm.id() + "\n"
                + "    secret: " + SECRET_PLACEHOLDER + "\n";
    }

    /**
     * Knot's {@code acl:} section: one entry for each way of matching owners (exact names, names
     * at or below, names below), each limited to this key, to updates, and to its record types.
     */
    public String knotAclSection() {
        StringBuilder text = new StringBuilder("acl:\n");
        knotAclEntries().forEach((id, entryGrants) -> {
            Grant first = entryGrants.get(0);
            text.append("  - id: ").append(id).append('\n')
                    .append("    key: ").append(keyName.ascii()).append('\n')
                    .append("    action: update\n")
                    .append("    update-type: [").append(typeList(first.types(), ", ")).append("]\n")
                    .append("    update-owner: name\n")
                    .append("    update-owner-match: ").append(first.match().knotName()).append('\n')
                    .append("    update-owner-name: [")
                    .append(entryGrants.stream().map(grant -> absolute(grant.owner())).collect(Collectors.joining(", ")))
                    .append("]\n");
        });
        return text.toString();
    }

    /** The line of the zone's entry in Knot's {@code zone:} section that names the acl entries. */
    public String knotZoneAclLine() {
        return "    acl: [" + String.join(", ", knotAclIds()) + "]\n";
    }

    /** BIND's {@code key} statement, its secret left as {@link #SECRET_PLACEHOLDER}. */
    public String bindKeyStatement() {
        return "key \"" + keyName.ascii() + "\" {\n"
                + "    algorithm " + algorithm.id() + ";\n"
                + "    secret \"" + SECRET_PLACEHOLDER + "\";\n"
                + "};\n";
    }

    /**
     * BIND's {@code update-policy} block for the zone statement: one {@code grant} per grant.
     * BIND's {@code subdomain} includes the name itself, and {@code wildcard *.NAME} every name
     * below NAME at any depth, which is Knot's {@code sub}.
     */
    public String bindUpdatePolicy() {
        StringBuilder text = new StringBuilder("update-policy {\n");
        for (Grant grant : grants) {
            String rule = switch (grant.match()) {
                case EXACT -> "name " + absolute(grant.owner());
                case AT_OR_BELOW -> "subdomain " + absolute(grant.owner());
                case BELOW -> "wildcard *." + absolute(grant.owner());
            };
            text.append("    grant ").append(keyName.ascii()).append(' ').append(rule).append(' ')
                    .append(typeList(grant.types(), " ")).append(";\n");
        }
        return text.append("};\n").toString();
    }

    /** The pdnsutil commands that import the key (secret left as the placeholder) and allow it on the zone. */
    public String powerDnsCommands() {
        return "pdnsutil import-tsig-key " + keyName.ascii() + " " + algorithm.id() + " '" + SECRET_PLACEHOLDER + "'\n"
                + "pdnsutil set-meta " + zone.ascii() + " TSIG-ALLOW-DNSUPDATE " + keyName.ascii() + "\n";
    }

    /** The pdns.conf lines that turn dynamic updates on and name the Lua update policy. */
    public String powerDnsConfLines() {
        return "dnsupdate=yes\n"
                + "lua-dnsupdate-policy-script=" + POWERDNS_SCRIPT + "\n";
    }

    /**
     * The Lua update policy (PowerDNS 4.x, {@code lua-dnsupdate-policy-script}): PowerDNS calls
     * {@code updatepolicy(input)} for each record of an update, and the record is applied only when
     * it returns true. It allows this key exactly the grants, in this zone only; an unsigned update
     * has no key name, so it matches none.
     */
    public String powerDnsScript() {
        StringBuilder text = new StringBuilder()
                .append("-- Mailwright: dynamic update policy (lua-dnsupdate-policy-script)\n")
                .append("local grants = {\n");
        for (Grant grant : grants) {
            text.append("  { zone = \"").append(absolute(zone))
                    .append("\", key = \"").append(absolute(keyName))
                    .append("\", owner = \"").append(absolute(grant.owner()))
                    .append("\", match = \"").append(grant.match().knotName())
                    .append("\", types = { ")
                    .append(grant.types().stream().map(type -> "\"" + type.name() + "\"").collect(Collectors.joining(", ")))
                    .append(" } },\n");
        }
        return text.append("}\n")
                .append("\n")
                .append("local function owner_matches(name, owner, match)\n")
                .append("  local at = name:equal(owner)\n")
                .append("  local below = not at and name:isPartOf(newDN(owner))\n")
                .append("  return (match == \"equal\" and at) or (match == \"sub\" and below)\n")
                .append("      or (match == \"sub-or-equal\" and (at or below))\n")
                .append("end\n")
                .append("\n")
                .append("function updatepolicy(input)\n")
                .append("  local zone, key = input:getZoneName(), input:getTsigName()\n")
                .append("  local name, qtype = input:getQName(), input:getQType()\n")
                .append("  for _, grant in ipairs(grants) do\n")
                .append("    if zone:equal(grant.zone) and key:equal(grant.key) and owner_matches(name, grant.owner, grant.match) then\n")
                .append("      for _, allowed in ipairs(grant.types) do\n")
                .append("        if qtype == pdns[allowed] then\n")
                .append("          return true\n")
                .append("        end\n")
                .append("      end\n")
                .append("    end\n")
                .append("  end\n")
                .append("  return false\n")
                .append("end\n")
                .toString();
    }

    /** The configuration for {@code software}, with what it allows and where each text goes. */
    public Configuration configuration(Software software) {
        LocalizedText allows = text("publish.policy.allows", keyName.ascii(), zone.ascii());
        return switch (software) {
            case KNOT -> new Configuration(software,
                    List.of(allows,
                            text("publish.policy.knot.where", zone.ascii(), SECRET_PLACEHOLDER, keyName.ascii(), algorithm.id()),
                            text("publish.policy.knot.one-entry")),
                    List.of(new Snippet(text("publish.policy.snippet.knot-key"), knotKeySection()),
                            new Snippet(text("publish.policy.snippet.knot-acl"), knotAclSection()),
                            new Snippet(text("publish.policy.snippet.knot-zone", zone.ascii()), knotZoneAclLine())));
            case BIND -> new Configuration(software,
                    List.of(allows,
                            text("publish.policy.bind.where", zone.ascii(), SECRET_PLACEHOLDER, keyName.ascii(), algorithm.id())),
                    List.of(new Snippet(text("publish.policy.snippet.bind-key"), bindKeyStatement()),
                            new Snippet(text("publish.policy.snippet.bind-zone", zone.ascii()), bindUpdatePolicy())));
            case POWERDNS -> new Configuration(software,
                    List.of(text("publish.policy.powerdns.whole-zone"),
                            allows,
                            text("publish.policy.powerdns.where", zone.ascii(), SECRET_PLACEHOLDER, keyName.ascii(), algorithm.id(),
                                    POWERDNS_SCRIPT),
                            text("publish.policy.powerdns.script-decides")),
                    List.of(new Snippet(text("publish.policy.snippet.powerdns-commands"), powerDnsCommands()),
                            new Snippet(text("publish.policy.snippet.powerdns-conf"), powerDnsConfLines()),
                            new Snippet(text("publish.policy.snippet.powerdns-script", POWERDNS_SCRIPT), powerDnsScript())));
        };
    }

    /** The configuration for every kind of server, Knot, BIND and PowerDNS in that order. */
    public List<Configuration> configurations() {
        List<Configuration> all = new ArrayList<>();
        for (Software software : Software.values()) {
            all.add(configuration(software));
        }
        return all;
    }

    /** The grants by Knot acl entry: grants that match owners the same way and allow the same types share one. */
    private Map<String, List<Grant>> knotAclEntries() {
        Map<String, List<Grant>> entries = new LinkedHashMap<>();
        for (Grant grant : grants) {
            entries.computeIfAbsent(knotAclPrefix() + grant.match().id(), id -> new ArrayList<>()).add(grant);
        }
        entries.values().forEach(entry -> {
            if (entry.stream().map(Grant::types).distinct().count() != 1) {
                throw new IllegalStateException("One Knot acl entry would need two lists of types: " + entry);
            }
        });
        return entries;
    }

    private String knotAclPrefix() {
        return keyName.ascii() + "-" + zone.ascii() + "-";
    }

    /**
     * {@code text} as a name of {@code kind} ({@code zone} or {@code key}): first refused, with the
     * character named, when it holds what could end the name inside a configuration file and
     * start a setting of its own; then checked as every domain name is.
     */
    private static DomainName name(String text, String kind, boolean mailDomain) {
        String value = text == null ? "" : text.strip();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || Character.isWhitespace(c) || CONFIGURATION_SYNTAX.indexOf(c) >= 0) {
                String character = Character.isISOControl(c) || Character.isWhitespace(c)
                        ? String.format(Locale.ROOT, "U+%04X", (int) c) : String.valueOf(c);
                throw new ProblemException(new Problem("publish.policy." + kind + "-unsafe", character));
            }
        }
        DomainName.Parsed parsed = mailDomain ? DomainName.parseDomain(value) : DomainName.parse(value);
        return parsed.name().orElseThrow(() -> new ProblemException(
                new Problem("publish.policy." + kind + "-invalid", shown(value), parsed.problem().orElseThrow())));
    }

    /**
     * A user's text as a message repeats it, on one line: whole when short, else its start and an
     * ellipsis; a control character (a line break...) shown as a replacement character.
     */
    private static String shown(String text) {
        return Problem.shown(text).replaceAll("\\p{Cc}", "\uFFFD");
    }

    private static String allowedAlgorithms() {
        List<String> ids = new ArrayList<>();
        for (TsigAlgorithm algorithm : TsigAlgorithm.values()) {
            ids.add(algorithm.id());
        }
        return String.join(", ", ids);
    }

    private static String absolute(DomainName name) {
        return name.ascii() + ".";
    }

    private static String typeList(List<RecordType> types, String separator) {
        return types.stream().map(RecordType::name).collect(Collectors.joining(separator));
    }

    private static LocalizedText text(String key, Object... arguments) {
        return new LocalizedText(key, List.of(arguments));
    }
}
