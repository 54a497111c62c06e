package org.mailwright.cli;

import static picocli.CommandLine.ScopeType.INHERIT;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mailwright.DataFolder;
import org.mailwright.dns.ResolverOptions;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.dns.ServerAddress;
import picocli.CommandLine.Option;

/**
 * The options every command shares, declared once on {@code mailwright} and inherited by every
 * subcommand, so they may be written before or after the command name. Also the one place that
 * turns them into a resolver service and a target.
 */
final class GlobalOptions {

    private static final Pattern HOST_NAME = Pattern.compile(
            "(?i)[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*\\.?");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("(?i)[0-9a-f:.]+(%[\\w.-]+)?");

    private final List<String> servers = new ArrayList<>();
    private final Texts texts;
    private final Map<String, String> environment;

    @Option(names = "--timeout-ms", paramLabel = "N", scope = INHERIT, order = 2, descriptionKey = "timeout-ms")
    private int timeoutMs = (int) ResolverOptions.DEFAULT_TIMEOUT.toMillis();

    @Option(names = "--retries", paramLabel = "N", scope = INHERIT, order = 3, descriptionKey = "retries")
    private int retries = ResolverOptions.DEFAULT_RETRIES;

    @Option(names = "--json", scope = INHERIT, order = 4, descriptionKey = "json")
    private boolean json;

    @Option(names = "--ns-port", paramLabel = "PORT", scope = INHERIT, order = 5, descriptionKey = "ns-port")
    private int nameServerPort = ServerAddress.DNS_PORT;

    /*
     * Read from the arguments before they are parsed (CliLanguage.requested), since picocli's own
     * messages need the language first; declared here so it is accepted anywhere and shown in the help.
     */
    @Option(names = CliLanguage.OPTION, paramLabel = "en|es", scope = INHERIT, order = 6, descriptionKey = "lang")
    private String language;

    @Option(names = MailwrightCommand.DATA_DIR, paramLabel = "DIR", scope = INHERIT, order = 7, descriptionKey = "data-dir")
    private String dataDir;

    /** @param environment the process's environment variables, read for the data folder */
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

    /** @throws UsageException when the timeout or the retries are out of range */
    ResolverOptions resolverOptions() {
        if (timeoutMs < 1) {
            throw new UsageException(texts.get("cli.error.timeout", timeoutMs));
        }
        if (retries < 0) {
            throw new UsageException(texts.get("cli.error.retries", retries));
        }
        return ResolverOptions.defaults().withTimeout(Duration.ofMillis(timeoutMs)).withRetries(retries);
    }

    /** A resolver service with these options; the caller closes it. */
    ResolverService openResolver() {
        return new ResolverService(resolverOptions());
    }

    private ResolverTarget parseTarget(String text) {
        try {
            return ResolverTarget.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private ServerAddress parseServer(String text) {
        ServerAddress address;
        try {
            address = ServerAddress.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (!plausibleHost(address.host())) {
            throw new UsageException(texts.get("cli.error.server", text));
        }
        return address;
    }

    /** Catches typos here, as a usage error, rather than later as a name that does not resolve. */
    private static boolean plausibleHost(String host) {
        if (host.indexOf(':') >= 0) {
            return IPV6.matcher(host).matches();
        }
        Matcher v4 = IPV4.matcher(host);
        if (v4.matches()) {
            for (int octet = 1; octet <= 4; octet++) {
                if (Integer.parseInt(v4.group(octet)) > 255) {
                    return false;
                }
            }
            return true;
        }
        return HOST_NAME.matcher(host).matches();
    }
}
