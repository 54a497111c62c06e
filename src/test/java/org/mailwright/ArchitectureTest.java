package org.mailwright;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house rules of DESIGN.md, enforced: only the window imports JavaFX; the core packages
 * never reach up into the window or the command line; the resolver knows no record kinds; and
 * no two packages depend on each other.
 */
class ArchitectureTest {

    private static final String[] CORE = {"org.mailwright.dns..", "org.mailwright.spf..", "org.mailwright.dkim..",
        "org.mailwright.dmarc..", "org.mailwright.propagation..", "org.mailwright.findings..", "org.mailwright.check..",
        "org.mailwright.reports..", "org.mailwright.publish..", "org.mailwright.message..", "org.mailwright.i18n..",
        "org.mailwright.files..", "org.mailwright.json.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.mailwright");
    }

    @Test
    void onlyTheWindowImportsJavaFx() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("org.mailwright.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.kordamp..",
                        "net.synedra..")
                .because("everything but the window runs headless, in the CLI and the tests");
        rule.check(classes);
    }

    @Test
    void theCoreNeverReachesUpIntoTheWindowOrTheCommandLine() {
        ArchRule rule = noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("org.mailwright.ui..", "org.mailwright.cli..")
                .because("the window and the command line are two faces of one core");
        rule.check(classes);
    }

    @Test
    void theCommandLineAndTheWindowDoNotUseEachOther() {
        noClasses().that().resideInAPackage("org.mailwright.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.mailwright.ui..").check(classes);
        noClasses().that().resideInAPackage("org.mailwright.ui..")
                .should().dependOnClassesThat().resideInAPackage("org.mailwright.cli..").check(classes);
    }

    @Test
    void theWindowReadsDnsOnlyThroughTheCore() {
        noClasses().that().resideInAPackage("org.mailwright.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.xbill..")
                .because("what is true of DNS is decided in the core, for the window and the command line alike")
                .check(classes);
    }

    @Test
    void theResolverKnowsNoRecordKinds() {
        ArchRule rule = noClasses().that().resideInAPackage("org.mailwright.dns..")
                .should().dependOnClassesThat().resideInAnyPackage("org.mailwright.spf..", "org.mailwright.dkim..",
                        "org.mailwright.dmarc..", "org.mailwright.propagation..", "org.mailwright.findings..",
                        "org.mailwright.check..")
                .because("DNS is below every record kind");
        rule.check(classes);
    }

    @Test
    void theFindingsRegistryIsBelowEveryArea() {
        noClasses().that().resideInAPackage("org.mailwright.findings..")
                .should().dependOnClassesThat().resideInAnyPackage("org.mailwright.spf..", "org.mailwright.dkim..",
                        "org.mailwright.dmarc..", "org.mailwright.propagation..", "org.mailwright.check..",
                        "org.mailwright.dns..")
                .check(classes);
    }

    @Test
    void noTwoPackagesDependOnEachOther() {
        slices().matching("org.mailwright.(*)..").should().beFreeOfCycles().check(classes);
    }
}
