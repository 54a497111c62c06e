package org.mailwright.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.RecordType;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.ServerAddress;
import org.mailwright.files.AtomicFiles;
import org.mailwright.i18n.ProblemException;
import org.mailwright.json.Json;
import org.mailwright.propagation.ExpectedRecord;
import org.mailwright.publish.ChangeSet;
import org.mailwright.publish.ChangeSetExport;
import org.mailwright.publish.ChangeSetJson;
import org.mailwright.publish.DynamicUpdate;
import org.mailwright.publish.Publication;
import org.mailwright.publish.PublishedRecords;
import org.mailwright.publish.RecordChange;
import org.mailwright.publish.TsigAlgorithm;
import org.mailwright.publish.TsigKey;
import org.mailwright.publish.TsigKeyFile;
import org.mailwright.publish.TxtData;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mailwright publish}: one change (or a saved change set) read against the zone's primary
 * server, shown as a diff, then sent as an RFC 2136 update signed with TSIG, exported, or shown as
 * a dry run. Exit 0 when the server accepted it (or nothing needed changing), 1 when it refused or
 * never answered, 2 on bad usage.
 */
@Command(name = "publish", sortOptions = false)
final class PublishCommand extends Subcommand {

    @Option(names = "--zone", paramLabel = "ZONE", order = 10, descriptionKey = "publish.zone")
    private String zoneText;

    @Option(names = "--tsig-name", paramLabel = "NAME", order = 11, descriptionKey = "publish.tsig-name")
    private String tsigName;

    @Option(names = "--tsig-alg", paramLabel = "hmac-sha256|hmac-sha512", order = 12, descriptionKey = "publish.tsig-alg")
    private String tsigAlgorithm;

    @Option(names = "--tsig-secret-file", paramLabel = "FILE", order = 13, descriptionKey = "publish.tsig-secret-file")
    private Path tsigSecretFile;

    @Option(names = "--name", paramLabel = "NAME", order = 14, descriptionKey = "publish.name")
    private String name;

    @Option(names = "--type", paramLabel = "TYPE", order = 15, descriptionKey = "publish.type")
    private String typeText = "TXT";

    @Option(names = "--value", paramLabel = "VALUE", order = 16, descriptionKey = "publish.value")
    private String value;

    @Option(names = "--ttl", paramLabel = "N", order = 17, descriptionKey = "publish.ttl")
    private Long ttl;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    private Mode mode = new Mode();

    @Option(names = "--changes", paramLabel = "FILE.json", order = 20, descriptionKey = "publish.changes")
    private Path changesFile;

    @Option(names = "--overwrite", order = 21, descriptionKey = "publish.overwrite")
    private boolean overwrite;

    @Option(names = "--dry-run", order = 22, descriptionKey = "publish.dry-run")
    private boolean dryRun;

    @Option(names = "--export", paramLabel = "zone|nsupdate|panel|json", order = 23, descriptionKey = "publish.export")
    private String export;

    static final class Mode {
        @Option(names = "--replace", order = 18, descriptionKey = "publish.replace")
        boolean replace;

        @Option(names = "--delete", order = 19, descriptionKey = "publish.delete")
        boolean delete;
    }

    @Override
    public Integer call() throws IOException {
        checkUsage();
        boolean sends = !dryRun && export == null;
        Optional<TsigKey> key = key(sends);
        Optional<ServerAddress> server = primary(changesFile == null || sends || dryRun);
        ChangeSet changeSet;
        try (ResolverService resolver = options().openResolver()) {
            Optional<ChangeSet> planned = changesFile == null
                    ? planOne(resolver, server.orElseThrow())
                    : planSaved(resolver, server);
            if (planned.isEmpty()) {
                return ExitCode.FAILED;
            }
            changeSet = planned.get();
            if (export != null) {
                out().print(exported(changeSet, server));
                return ExitCode.OK;
            }
            if (changeSet.isEmpty()) {
                report(changeSet, server.orElseThrow(), "unchanged", Optional.empty(),
                        texts().get("cli.publish.nothing-to-do"));
                return ExitCode.OK;
            }
            if (dryRun) {
                return dryRun(changeSet, server.orElseThrow(), key);
            }
            return send(resolver, changeSet, server.orElseThrow(), key.orElseThrow());
        }
    }

    private void checkUsage() {
        if (changesFile != null && (name != null || value != null || ttl != null || mode.replace || mode.delete)) {
            throw new UsageException(texts().get("cli.publish.changes-or-name"));
        }
        if (changesFile == null) {
            if (zoneText == null) {
                throw new UsageException(texts().get("cli.publish.no-zone"));
            }
            if (name == null) {
                throw new UsageException(texts().get("cli.publish.no-name"));
            }
            if (value == null && !mode.delete) {
                throw new UsageException(texts().get("cli.publish.no-value"));
            }
            if (recordType(typeText) != RecordType.TXT) {
                throw new UsageException(texts().get("cli.publish.txt-only", typeText.strip().toUpperCase(Locale.ROOT)));
            }
        }
        if (overwrite && changesFile == null) {
            throw new UsageException(texts().get("cli.publish.overwrite-needs-changes"));
        }
        if (ttl != null && (ttl < 0 || ttl > RecordChange.MAX_TTL)) {
            throw new UsageException(texts().get("cli.publish.ttl", ttl));
        }
        if (export != null && !List.of("zone", "nsupdate", "panel", "json").contains(export)) {
            throw new UsageException(texts().get("cli.publish.export", export));
        }
        if (export != null && dryRun) {
            throw new UsageException(texts().get("cli.publish.export-or-dry-run"));
        }
        if (value != null && value.length() > TxtData.MAX_OCTETS) {
            throw new UsageException(texts().get("cli.publish.value-too-long", TxtData.MAX_OCTETS));
        }
    }

    /** The key, read when the update is sent (and shown as a name only on a dry run). */
    private Optional<TsigKey> key(boolean required) throws IOException {
        Optional<TsigAlgorithm> algorithm = Optional.ofNullable(tsigAlgorithm).map(text -> TsigAlgorithm.parse(text)
                .orElseThrow(() -> new UsageException(texts().get("cli.publish.tsig-alg", text))));
        if (tsigSecretFile == null) {
            if (required) {
                throw new UsageException(texts().get("cli.publish.no-key"));
            }
            return Optional.empty();
        }
        TsigKey key;
        try {
            key = TsigKeyFile.read(tsigSecretFile, Optional.ofNullable(tsigName), algorithm);
        } catch (NoSuchFileException missing) {
            throw new UsageException(texts().get("cli.publish.key-missing", tsigSecretFile));
        } catch (ProblemException unreadable) {
            throw new UsageException(texts().get("cli.publish.key-file", tsigSecretFile,
                    unreadable.problem().text(texts().locale())));
        } catch (IOException unreadable) {
            throw new UsageException(texts().get("cli.publish.key-unreadable", tsigSecretFile));
        }
        if (AtomicFiles.readableByOthers(tsigSecretFile)) {
            err().println(texts().get("cli.publish.key-open", tsigSecretFile));
        }
        if (key.isShort()) {
            err().println(texts().get("cli.publish.key-short", key.name().ascii(), key.algorithm().outputOctets()));
        }
        return Optional.of(key);
    }

    /** The zone's primary server: the one {@code --server} given, never a public resolver. */
    private Optional<ServerAddress> primary(boolean required) {
        Optional<ServerAddress> primary = options().primaryServer();
        if (primary.isEmpty() && required) {
            throw new UsageException(texts().get("cli.publish.no-server"));
        }
        return primary;
    }

    private DomainName zone() {
        return DomainName.parse(zoneText).name().orElseThrow(() -> new UsageException(
                texts().get("cli.publish.bad-zone", GlobalOptions.shown(zoneText.strip()))));
    }

    /** {@code --name}'s change, planned against what the primary publishes now. */
    private Optional<ChangeSet> planOne(ResolverService resolver, ServerAddress server) {
        DomainName zone = zone();
        DomainName owner = DomainName.parse(name).name().orElseThrow(() -> new UsageException(
                texts().get("cli.publish.bad-name", GlobalOptions.shown(name.strip()))));
        if (!owner.isAtOrBelow(zone)) {
            throw new UsageException(texts().get("cli.publish.outside-zone", owner.ascii(), zone.ascii()));
        }
        RecordChange.Intent intent = mode.delete ? new RecordChange.Intent.Delete(Optional.ofNullable(value))
                : mode.replace ? new RecordChange.Intent.Replace(value) : new RecordChange.Intent.Add(value);
        Publication.Reading reading = Publication.plan(resolver, server, zone, owner, intent,
                ttl == null ? OptionalLong.empty() : OptionalLong.of(ttl)).join();
        reading.unreadable().ifPresent(unreadable -> reportUnreadable(zone, server, unreadable));
        return reading.changeSet();
    }

    /**
     * A saved change set; when the primary is known, read again against it: a record changed since
     * the set was made stops the command, unless {@code --overwrite} says to make the same change
     * against what is there now.
     */
    private Optional<ChangeSet> planSaved(ResolverService resolver, Optional<ServerAddress> server) throws IOException {
        ChangeSet saved;
        if (Files.isDirectory(changesFile)) {
            throw new UsageException(texts().get("cli.publish.changes-folder", changesFile));
        }
        try (InputStream in = Files.newInputStream(changesFile)) {
            saved = ChangeSetJson.read(in);
        } catch (NoSuchFileException missing) {
            throw new UsageException(texts().get("cli.publish.changes-missing", changesFile));
        } catch (ProblemException malformed) {
            throw new UsageException(texts().get("cli.publish.changes-bad", changesFile,
                    malformed.problem().text(texts().locale())));
        }
        if (zoneText != null && !zone().equals(saved.zone())) {
            throw new UsageException(texts().get("cli.publish.other-zone", changesFile, saved.zone().ascii(), zone().ascii()));
        }
        if (server.isEmpty()) {
            return Optional.of(saved);
        }
        Publication.Reading reading = Publication.readAgain(resolver, server.get(), saved).join();
        if (reading.unreadable().isPresent()) {
            reportUnreadable(saved.zone(), server.get(), reading.unreadable().get());
            return Optional.empty();
        }
        List<String> conflicts = reading.conflicts().stream().map(conflict -> conflict.explain(texts().locale())).toList();
        ChangeSet current = reading.changeSet().orElseThrow();
        if (!conflicts.isEmpty() && !overwrite) {
            String stop = texts().get("cli.publish.changed-since.stop");
            if (options().json()) {
                report(current, server.get(), "changed-since", Optional.empty(), String.join("\n", conflicts) + "\n" + stop);
            } else {
                conflicts.forEach(err()::println);
                err().println(stop);
            }
            return Optional.empty();
        }
        conflicts.forEach(err()::println);
        return Optional.of(current);
    }

    private String exported(ChangeSet changeSet, Optional<ServerAddress> server) {
        Locale locale = texts().locale();
        return switch (export) {
            case "zone" -> ChangeSetExport.zoneSnippet(changeSet, locale);
            case "nsupdate" -> ChangeSetExport.nsupdateScript(changeSet, server, locale);
            case "panel" -> ChangeSetExport.panelText(changeSet, locale);
            default -> ChangeSetJson.write(changeSet);
        };
    }

    private int dryRun(ChangeSet changeSet, ServerAddress server, Optional<TsigKey> key) {
        if (options().json()) {
            report(changeSet, server, "dry-run", Optional.empty(), texts().get("cli.publish.dry-run.said", server));
            return ExitCode.OK;
        }
        printDiff(changeSet);
        out().println();
        out().println(key.map(tsig -> texts().get("cli.publish.dry-run.signed", server, tsig.name().ascii(), tsig.algorithm().id()))
                .orElseGet(() -> texts().get("cli.publish.dry-run.unsigned", server)));
        out().print(DynamicUpdate.presentation(changeSet, texts().locale()));
        return ExitCode.OK;
    }

    private int send(ResolverService resolver, ChangeSet changeSet, ServerAddress server, TsigKey key) {
        if (!options().json()) {
            printDiff(changeSet);
            out().println();
        }
        Duration timeout = options().resolverOptions().timeout().multipliedBy(3);
        Publication.Outcome outcome = Publication.send(resolver, server, key, changeSet, timeout);
        report(changeSet, server, outcome.jsonName(), outcome.result().rcode(), outcome.explain(texts().locale()));
        if (!outcome.published()) {
            return ExitCode.FAILED;
        }
        if (!options().json()) {
            printPropagationHandOff(changeSet, server);
        }
        return ExitCode.OK;
    }

    /** The outcome: a sentence, or with {@code --json} one object with the changes and the status. */
    private void report(ChangeSet changeSet, ServerAddress server, String status, Optional<String> rcode, String message) {
        if (!options().json()) {
            (status.equals("accepted") || status.equals("unchanged") || status.equals("dry-run") ? out() : err()).println(message);
            return;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("zone", changeSet.zone().ascii());
        json.put("server", server.toString());
        json.put("dry_run", dryRun);
        json.put("status", status);
        json.put("rcode", rcode.orElse(null));
        json.put("changes", changeSet.changes().stream().map(ChangeSetJson::toJson).toList());
        json.put("expect", changeSet.expectations().stream().map(PublishCommand::expectation).toList());
        json.put("message", message);
        out().println(Json.write(json));
    }

    /** A name the primary could not answer for: nothing is planned, and scripts get the reason as JSON too. */
    private void reportUnreadable(DomainName zone, ServerAddress server, PublishedRecords unreadable) {
        String message = unreadable.explain(texts().locale());
        if (!options().json()) {
            err().println(message);
            return;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("zone", zone.ascii());
        json.put("server", server.toString());
        json.put("dry_run", dryRun);
        json.put("status", "unreadable");
        json.put("rcode", null);
        json.put("changes", List.of());
        json.put("expect", List.of());
        json.put("message", message);
        out().println(Json.write(json));
    }

    private static Map<String, Object> expectation(ExpectedRecord record) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", record.name());
        json.put("type", record.type().name());
        json.put("values", record.values());
        return json;
    }

    /** Each change as a diff: the name and what happens, then - for a record removed, + added, = kept. */
    private void printDiff(ChangeSet changeSet) {
        out().println(changeSet.heading(texts().locale()));
        for (RecordChange change : changeSet.effective()) {
            out().println();
            out().println(change.heading(texts().locale()));
            for (RecordChange.DiffLine line : change.diff()) {
                out().println("  " + line.mark().symbol() + " " + line.record().value());
            }
        }
    }

    /** The command that watches the change reach every server, with the records as the expectation. */
    private void printPropagationHandOff(ChangeSet changeSet, ServerAddress server) {
        List<ExpectedRecord> expected = changeSet.expectations();
        if (expected.isEmpty()) {
            return;
        }
        out().println(texts().get("cli.publish.next"));
        for (ExpectedRecord record : expected) {
            StringBuilder command = new StringBuilder("  mailwright propagation --name ").append(record.name())
                    .append(" --type ").append(record.type().name());
            for (String expectedValue : record.values()) {
                command.append(" --expect ").append(shellQuoted(expectedValue));
            }
            if (server.isLoopback()) {
                // A server on this machine is a test set-up the world's resolvers cannot see: ask it.
                command.append(" --server ").append(server);
            }
            out().println(command.append(" --watch"));
        }
    }

    private static String shellQuoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
