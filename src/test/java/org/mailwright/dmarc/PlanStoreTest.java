package org.mailwright.dmarc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plans saved per domain as small files, read back as they were. */
class PlanStoreTest {

    private static final List<ReportUri> RUA = List.of(ReportUri.parse("mailto:dmarc@example.com").orElseThrow(),
            ReportUri.parse("mailto:a%2Cb@reports.example.net").orElseThrow());

    @TempDir
    Path directory;

    @Test
    void savesAndLoadsAPlanWithItsProgress() throws IOException {
        PlanStore store = new PlanStore(directory.resolve("plans"));
        SavedPlan saved = SavedPlan.started(RolloutPlan.create("example.com", RUA, LocalDate.of(2026, 6, 1), true))
                .advance(LocalDate.of(2026, 7, 2));
        store.save(saved);

        SavedPlan loaded = store.load("EXAMPLE.com").orElseThrow();
        assertEquals(saved, loaded);
        assertEquals(2, loaded.current().number());
        assertEquals(LocalDate.of(2026, 7, 2), loaded.current().start());
        assertEquals(RUA, loaded.plan().aggregateReports());
        assertTrue(loaded.plan().legacyPercentages());
    }

    @Test
    void theFileIsSmallAndReadable() throws IOException {
        PlanStore store = new PlanStore(directory);
        store.save(SavedPlan.started(RolloutPlan.create("example.com", RUA.subList(0, 1), LocalDate.of(2026, 6, 1), false)));
        assertEquals("""
                # Mailwright DMARC rollout plan for example.com
                format=1
                domain=example.com
                rua=mailto:dmarc@example.com
                start=2026-06-01
                legacyPct=false
                stage=1
                since=2026-06-01
                """, Files.readString(directory.resolve("example.com.properties")));
        try (var files = Files.list(directory)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void failureReportAddressesAreKeptOnlyWhenThereAreSome() throws IOException {
        PlanStore store = new PlanStore(directory);
        List<ReportUri> ruf = List.of(ReportUri.parse("mailto:forensic@example.com").orElseThrow());
        SavedPlan saved = SavedPlan.started(RolloutPlan.create("example.com", RUA, ruf, LocalDate.of(2026, 6, 1), false));
        store.save(saved);

        assertTrue(Files.readString(directory.resolve("example.com.properties")).contains("\nruf=mailto:forensic@example.com\n"));
        assertEquals(saved, store.load("example.com").orElseThrow());
        assertEquals(ruf, store.load("example.com").orElseThrow().current().record().failureReportUris());
    }

    @Test
    void listsEveryPlanAndForgetsOne() throws IOException {
        PlanStore store = new PlanStore(directory);
        assertEquals(List.of(), new PlanStore(directory.resolve("absent")).list());
        for (String domain : List.of("b.example", "a.example")) {
            store.save(SavedPlan.started(RolloutPlan.create(domain, RUA, LocalDate.of(2026, 6, 1), false)));
        }
        Files.writeString(directory.resolve("notes.txt"), "not a plan");
        assertEquals(List.of("a.example", "b.example"), store.list().stream().map(SavedPlan::domain).toList());
        assertTrue(store.delete("a.example"));
        assertFalse(store.delete("a.example"));
        assertEquals(Optional.empty(), store.load("a.example"));
    }

    @Test
    void aDamagedFileIsAnErrorThatNamesIt() throws IOException {
        PlanStore store = new PlanStore(directory);
        Files.writeString(directory.resolve("example.com.properties"), "format=1\ndomain=example.com\nstart=yesterday\n");
        IOException damaged = assertThrows(IOException.class, () -> store.load("example.com"));
        assertTrue(damaged.getMessage().contains("example.com.properties is damaged"), damaged.getMessage());
        Files.writeString(directory.resolve("example.com.properties"), "format=9\n");
        IOException newer = assertThrows(IOException.class, () -> store.load("example.com"));
        assertTrue(newer.getMessage().contains("not a rollout plan this version"), newer.getMessage());
    }
}
