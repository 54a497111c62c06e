package org.mailwright.reports;

import java.nio.file.Path;

/**
 * A separate JVM that imports files one by one and says so after each commit, for the tests that
 * kill it (kill -9) mid-import or give it little memory. Arguments: the archive, then the files.
 */
public final class ImportChild {

    private ImportChild() {
    }

    public static void main(String[] args) {
        try (ReportArchive archive = ReportArchive.open(args[0], null)) {
            for (int i = 1; i < args.length; i++) {
                FileImport result = archive.importFile(Path.of(args[i]), ReportLimits.DEFAULT);
                System.out.println("committed " + args[i] + " " + result.imported() + " " + result.problems().size());
                System.out.flush();
            }
        }
        System.out.println("done " + Runtime.getRuntime().totalMemory());
    }
}
