package org.mailwright.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailwright.cli.CommandRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailwright.dmarc.PlanStore;
import org.mailwright.dmarc.ReportUri;
import org.mailwright.dmarc.RolloutPlan;
import org.mailwright.dmarc.SavedPlan;
import org.mailwright.reports.SampleReports;

/**
 * {@code mailwright dmarc plan} says, for the stage published now (the saved plan's, else the
 * first), whether the archive's reports say the domain is ready for the next one; without an
 * archive it says there is too little to judge, never ready.
 */
class DmarcPlanReadinessCommandTest {

    private static final List<ReportUri> RUA = List.of(ReportUri.parse("mailto:dmarc@example.com").orElseThrow());

    @TempDir
    Path data;

    private CommandRun plan(String... more) {
        return plan(Locale.ENGLISH, more);
    }

    private CommandRun plan(Locale locale, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("dmarc", "plan", "--domain", "example.com", "--rua",
                "mailto:dmarc@example.com", "--start", "2026-11-01", "--data-dir", data.toString()));
        args.addAll(List.of(more));
        return run(locale, args.toArray(String[]::new));
    }

    /** Fourteen days of reports, 140 messages from one source, all passing DMARC. */
    private void importFortnightOfAlignedMail() throws IOException {
        Path in = Files.createDirectories(data.resolve("in"));
        for (int day = 1; day <= 14; day++) {
            long begin = LocalDate.of(2026, 11, day).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            Files.writeString(in.resolve(day + ".xml"), SampleReports.xml("google.com", "r" + day, "example.com", begin,
                    List.of(SampleReports.row("192.0.2.1", 10, "pass", "pass"))));
        }
        assertEquals(0, run("reports", "import", in.toString(), "--data-dir", data.toString()).exitCode());
    }

    @Test
    void withoutAnArchiveItSaysThereIsTooLittleToJudgeAndCreatesNone() {
        CommandRun text = plan();

        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("""

                Now: stage 1 of 5, Monitor: no plan for example.com is saved in the data folder, so it begins here.
                Ready for stage 2, Quarantine in test mode? What the DMARC reports in the archive say:
                   INFO    reports.too-little-to-judge
                           The reports of example.com hold too little to judge readiness: 0 messages from its own senders, \
                or less than 14 days of reports.
                """), text.out());
        assertFalse(Files.exists(data.resolve("reports.db")));
        CommandRun json = plan("--json");
        assertTrue(json.out().endsWith(",\"current\":1,\"readiness\":{\"id\":\"reports.too-little-to-judge\",\"severity\":\"info\","
                + "\"message\":\"The reports of example.com hold too little to judge readiness: 0 messages from its own senders, "
                + "or less than 14 days of reports.\",\"why\":\"A few messages or a few days can hide a sender that mails once a month; "
                + "readiness is only claimed on enough of both.\",\"fix\":\"Keep importing reports (reports fetch reads them from the "
                + "mailbox), and check again in a few days.\"}}\n"), json.out());
        Path elsewhere = data.resolve("elsewhere.db");
        assertTrue(plan("--db", elsewhere.toString()).out().contains("reports.too-little-to-judge"));
        assertFalse(Files.exists(elsewhere));
    }

    @Test
    void theSavedStageAndTheArchivesFiguresSayWhetherToMoveOn() throws IOException {
        importFortnightOfAlignedMail();
        RolloutPlan saved = RolloutPlan.create("example.com", RUA, LocalDate.of(2026, 10, 1), false);
        PlanStore.in(data).save(new SavedPlan(saved, 2, LocalDate.of(2026, 11, 3)));

        CommandRun text = plan();

        assertTrue(text.out().contains("""
                Now: stage 2 of 5, Quarantine in test mode, published since 2026-11-03 as the plan saved for example.com says.
                Ready for stage 3, Quarantine? What the DMARC reports in the archive say:
                   PASS    reports.ready-for-next-stage
                           Over the last 14 days, 100% of the mail of example.com's own senders passed DMARC, and no new \
                source is failing: example.com is ready for the next DMARC stage.
                """), text.out());
        assertTrue(plan("--json").out().contains(",\"current\":2,\"readiness\":{\"id\":\"reports.ready-for-next-stage\","));
        CommandRun spanish = plan(Locale.forLanguageTag("es"));
        assertTrue(spanish.out().contains("¿Listo para la etapa 3, Cuarentena? Lo que dicen los informes DMARC del archivo:\n"),
                spanish.out());
    }

    @Test
    void atTheLastStageThereIsNoNextStageToBeReadyFor() throws IOException {
        importFortnightOfAlignedMail();
        RolloutPlan saved = RolloutPlan.create("example.com", RUA, LocalDate.of(2026, 6, 1), false);
        PlanStore.in(data).save(new SavedPlan(saved, 5, LocalDate.of(2026, 11, 1)));

        CommandRun text = plan();

        assertTrue(text.out().contains("Now: stage 5 of 5, Reject, published since 2026-11-01"), text.out());
        assertFalse(text.out().contains("Ready for stage"), text.out());
        assertTrue(plan("--json").out().endsWith(",\"current\":5,\"readiness\":null}\n"));
    }
}
