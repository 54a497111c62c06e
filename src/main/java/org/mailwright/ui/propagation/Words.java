package org.mailwright.ui.propagation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import org.mailwright.dns.PublicResolver;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.i18n.Messages;
import org.mailwright.propagation.CellState;
import org.mailwright.propagation.ProbeServer;
import org.mailwright.propagation.Role;
import org.mailwright.ui.Texts;

/**
 * The page's words in one language: the window's own (its bundle), the core's (the cells' verdicts
 * and sentences, as the command line says them) and clock times in the user's time zone.
 */
final class Words {

    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ResourceBundle bundle;
    private final Locale locale;
    private final ZoneId zone;

    Words(ResourceBundle bundle, Locale locale, ZoneId zone) {
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        this.locale = Objects.requireNonNull(locale, "locale");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** A text of the window's bundle. */
    String get(String key, Object... arguments) {
        return Texts.format(bundle, key, arguments);
    }

    Locale locale() {
        return locale;
    }

    /** A cell's verdict as the command line says it, as a word that starts a label: {@code Match}, {@code Atrasado}. */
    String state(CellState state) {
        String word = Messages.get(locale, "propagation.state." + state.jsonName());
        return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(locale) + word.substring(1);
    }

    /** {@code authoritative} or {@code resolver}, as the command line says it. */
    String role(Role role) {
        return Messages.get(locale, "propagation.role." + role.jsonName());
    }

    /** A clock time such as {@code 14:05:30}. */
    String time(Instant at) {
        return CLOCK_TIME.format(at.atZone(zone));
    }

    /** A wait in words: {@code 45 s}, {@code 12 min}, {@code 3 h}. */
    String inWords(Duration wait) {
        long seconds = Math.max(0, wait.toSeconds());
        if (seconds < 120) {
            return get("propagation.wait.seconds", seconds);
        }
        long minutes = (seconds + 59) / 60;
        return minutes < 120 ? get("propagation.wait.minutes", minutes) : get("propagation.wait.hours", (minutes + 59) / 60);
    }

    /** A countdown such as {@code 0:09} or {@code 4:30}. */
    static String countdown(Duration left) {
        long seconds = Math.max(0, (left.toMillis() + 999) / 1000);
        return seconds / 60 + ":" + String.format(Locale.ROOT, "%02d", seconds % 60);
    }

    /** A column's name: the name server's host, the resolver's name in the user's language, or the address typed. */
    String serverTitle(ProbeServer server) {
        if (server.role() == Role.AUTHORITATIVE) {
            return server.label();
        }
        ResolverTarget target = server.target();
        if (target instanceof ResolverTarget.SystemResolvers) {
            return get("propagation.server.system");
        }
        if (target instanceof PublicResolver resolver) {
            return get("propagation.server." + resolver.id());
        }
        return target.displayName();
    }

    /** Where a column's questions go: one address, or a resolver's addresses; empty for this machine's resolvers. */
    static String serverAddress(ProbeServer server) {
        ResolverTarget target = server.target();
        if (target instanceof ResolverTarget.Servers servers) {
            return server.role() == Role.AUTHORITATIVE || servers.servers().size() == 1
                    ? servers.servers().get(0).toString()
                    : target.id();
        }
        if (target instanceof PublicResolver resolver) {
            return resolver.servers().get(0).host();
        }
        return "";
    }
}
