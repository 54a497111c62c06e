package org.mailwright.cli;

import static picocli.CommandLine.ScopeType.INHERIT;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mailwright.DataFolder;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.ResolverOptions;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.dns.ServerAddress;
import org.mailwright.i18n.Problem;
import org.mailwright.i18n.ProblemException;
import picocli.CommandLine.Option;

/**
 * The options every command shares, declared once on {@code mailwright} and inherited by every
 * subcommand, so they may be written before or after the command name. Also the one place that
 * turns them into a resolver service and a target.
 */
final class GlobalOptions {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    /** The most characters of what the user typed that a message repeats. */

    private final List<String> servers = new ArrayList<>();
    private final Texts texts;
    private final Map<String, String> environment;

    @Option(names = "--timeout-ms", paramLabel = "N", scope = INHERIT, order = 2, descriptionKey = "timeout-ms")
    private int timeoutMs = (int) ResolverOptions.DEFAULT_TIMEOUT.toMillis();

    @Option(names = "--retries", paramLabel = "N", scope = INHERIT, order = 3, descriptionKey = "retries")
    private int retries = ResolverOptions.DEFAULT_RETRIES;

    @Option(names = "--max-queries", paramLabel = "N", scope = INHERIT, order = 4, descriptionKey = "max-queries")
    private int maxQueries = ResolverOptions.COMMAND_MAX_QUERIES;

    @Option(names = "--deadline-ms", paramLabel = "N", scope = INHERIT, order = 5, descriptionKey = "deadline-ms")
    private long deadlineMs = ResolverOptions.COMMAND_DEADLINE.toMillis();

    @Option(names = "--json", scope = INHERIT, order = 6, descriptionKey = "json")
    private boolean json;

    @Option(names = "--ns-port", paramLabel = "PORT", scope = INHERIT, order = 7, descriptionKey = "ns-port")
    private int nameServerPort = ServerAddress.DNS_PORT;

    /*
     * Read from the arguments before they are parsed (CliLanguage.requested), since picocli's own
     * messages need the language first; declared here so it is accepted anywhere and shown in the help.
     */
    @Option(names = CliLanguage.OPTION, paramLabel = "en|es", scope = INHERIT, order = 8, descriptionKey = "lang")
    private String language;

    @Option(names = MailwrightCommand.DATA_DIR, paramLabel = "DIR", scope = INHERIT, order = 9, descriptionKey = "data-dir")
    private String dataDir;

    /** @param environment the process's environment variables, read for the data folder and the mailbox password */
    GlobalOptions(Texts texts, Map<String, String> environment) {
        this.texts = texts;
        this.environment = environment;
    }

    /*
     * A setter that adds, rather than a List field: picocli starts a collection afresh when the
     * subcommand's own arguments are parsed, which would drop servers given before the command name.
     * Each value may also be a comma-separated list.
     */
    @Option(names = "--server", paramLabel = "HOST[:PORT]", scope = INHERIT, order = 1, descriptionKey = "server")
    private void addServer(String value) {
        for (String part : value.split(",", -1)) {
            servers.add(part.trim());
        }
    }

    boolean json() {
        return json;
    }

    /** The environment variable {@code name}, when it is set and not empty. */
    Optional<String> environment(String name) {
        return Optional.ofNullable(environment.get(name)).filter(value -> !value.isEmpty());
    }

    /**
     * The data folder: {@code --data-dir}, else {@code MAILWRIGHT_HOME}, else the system's usual
     * place ({@link DataFolder#choose}); it may not exist yet.
     *
     * @throws UsageException when it is not a path on this system, or names a file
     */
    Path dataFolder() {
        if (dataDir != null && dataDir.isBlank()) {
            throw new UsageException(texts.get("cli.error.data-dir-path", dataDir));
        }
        Path folder;
        try {
            folder = DataFolder.choose(dataDir, environment);
        } catch (InvalidPathException e) {
            throw new UsageException(texts.get("cli.error.data-dir-path", e.getInput()));
        }
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new UsageException(texts.get("cli.error.data-dir-file", folder));
        }
        return folder;
    }

    /**
     * Where lookups go: the system's resolvers when no {@code --server} was given, otherwise the
     * given servers in order (or a public resolver named alone: google, cloudflare, quad9).
     *
     * @throws UsageException when a server is not a {@code HOST[:PORT]}
     */
    ResolverTarget target() {
        if (servers.isEmpty()) {
            return ResolverTarget.system();
        }
        if (servers.size() == 1 && !servers.get(0).isEmpty()) {
            ResolverTarget named = parseTarget(servers.get(0));
            if (!(named instanceof ResolverTarget.Servers)) {
                return named;
            }
        }
        return ResolverTarget.servers(servers.stream().map(this::parseServer).toList());
    }

    /**
     * Each {@code --server} as a target of its own, in the order given, for commands that compare
     * servers rather than fail over from one to the next; empty when none was given.
     *
     * @throws UsageException when a server is not a {@code HOST[:PORT]} or a public resolver's name
     */
    List<ResolverTarget> eachServer() {
        return servers.stream().map(text -> {
            ResolverTarget named = parseTarget(text);
            return named instanceof ResolverTarget.Servers
                    ? ResolverTarget.servers(List.of(parseServer(text)))
                    : named;
        }).toList();
    }

    /**
     * The one server a command talks to as the zone's primary ({@code publish}): empty when no
     * {@code --server} was given.
     *
     * @throws UsageException when several servers, a public resolver or no {@code HOST[:PORT]} was given
     */
    Optional<ServerAddress> primaryServer() {
        if (servers.isEmpty()) {
            return Optional.empty();
        }
        if (servers.size() > 1 || !(parseTarget(servers.get(0)) instanceof ResolverTarget.Servers)) {
            throw new UsageException(texts.get("cli.error.one-primary"));
        }
        return Optional.of(parseServer(servers.get(0)));
    }

    /**
     * The port a zone's name servers are asked on, wherever a command asks them: 53 in the world,
     * a test set-up's port when given.
     *
     * @throws UsageException when it is not a port
     */
    int nameServerPort() {
        if (nameServerPort < 1 || nameServerPort > 65535) {
            throw new UsageException(texts.get("cli.error.ns-port", nameServerPort));
        }
        return nameServerPort;
    }

    /**
     * The resolver's options for one command: the timeout and retries, and the command's bounds
     * (queries sent, overall time).
     *
     * @throws UsageException when a value is out of range
     */
    ResolverOptions resolverOptions() {
        if (timeoutMs < 1) {
            throw new UsageException(texts.get("cli.error.timeout", timeoutMs));
        }
        if (retries < 0) {
            throw new UsageException(texts.get("cli.error.retries", retries));
        }
        if (maxQueries < 1) {
            throw new UsageException(texts.get("cli.error.max-queries", maxQueries));
        }
        if (deadlineMs < 1) {
            throw new UsageException(texts.get("cli.error.deadline", deadlineMs));
        }
        return ResolverOptions.forCommand().withTimeout(Duration.ofMillis(timeoutMs)).withRetries(retries)
                .withMaxQueries(maxQueries).withDeadline(Duration.ofMillis(deadlineMs));
    }

    /** How long the command may take in all ({@code --deadline-ms}). */
    Duration deadline() {
        return resolverOptions().deadline().orElse(ResolverOptions.COMMAND_DEADLINE);
    }

    /** A resolver service with these options, its bounds counted from now; the caller closes it. */
    ResolverService openResolver() {
        return new ResolverService(resolverOptions());
    }

    /** {@code text} as a message repeats it: whole when short, else its start and an ellipsis. */
    static String shown(String text) {
        return Problem.shown(text);
    }

    private ResolverTarget parseTarget(String text) {
        try {
            return ResolverTarget.parse(text);
        } catch (ProblemException e) {
            throw new UsageException(e.problem().text(texts.locale()));
        }
    }

    private ServerAddress parseServer(String text) {
        ServerAddress address;
        try {
            address = ServerAddress.parse(text);
        } catch (ProblemException e) {
            throw new UsageException(e.problem().text(texts.locale()));
        }
        // Typos are caught here, as a usage error, rather than later as a name that does not resolve.
        String host = address.host();
        Matcher v4 = IPV4.matcher(host);
        boolean plausible = host.indexOf(':') >= 0 ? plausibleIpv6(host) : !v4.matches() || validIpv4(v4);
        if (!plausible) {
            throw new UsageException(texts.get("cli.error.server", shown(text)));
        }
        if (host.indexOf(':') < 0 && !v4.matches()) {
            // A host name is checked as every name is, in one pass over it, whatever its length.
            DomainName.Parsed name = DomainName.parse(host);
            if (!name.isValid()) {
                throw new UsageException(texts.get("cli.error.server-name", shown(text),
                        name.problem().orElseThrow().text(texts.locale())));
            }
        }
        return address;
    }

    /** Four numbers that each fit an octet. */
    private static boolean validIpv4(Matcher v4) {
        for (int octet = 1; octet <= 4; octet++) {
            if (Integer.parseInt(v4.group(octet)) > 255) {
                return false;
            }
        }
        return true;
    }

    /**
     * Hexadecimal digits, colons and dots (an embedded IPv4 address), and after a {@code %} a zone
     * such as {@code eth0}: catches typos here, as a usage error, rather than later as an address
     * that does not parse. One pass over the text, whatever its length.
     */
    private static boolean plausibleIpv6(String host) {
        int percent = host.indexOf('%');
        String address = percent < 0 ? host : host.substring(0, percent);
        String zone = percent < 0 ? "" : host.substring(percent + 1);
        boolean addressOk = !address.isEmpty() && address.chars().allMatch(c -> c >= '0' && c <= '9'
                || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == ':' || c == '.');
        boolean zoneOk = percent < 0 || !zone.isEmpty()
                && zone.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 0x80 || c == '_' || c == '.' || c == '-');
        return addressOk && zoneOk;
    }
}
