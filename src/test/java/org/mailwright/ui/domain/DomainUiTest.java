package org.mailwright.ui.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailwright.testdns.TestDnsServer;
import org.mailwright.ui.FxWait;
import org.mailwright.ui.WindowUnderTest;
import org.mailwright.ui.controls.CheckState;
import org.mailwright.ui.controls.FindingCard;
import org.mailwright.ui.controls.StateBadge;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Domain page never shows Pass for a record its linter finds wrong. */
@ExtendWith(ApplicationExtension.class)
class DomainUiTest {

    private WindowUnderTest app;
    private static final String ZONE = """
            $ORIGIN corp.test.
            $TTL 300
            @       SOA  ns1 hostmaster 2026120601 3600 600 86400 300
            @       NS   ns1
            ns1     A    127.0.0.1
            @       TXT  "v=spf1 include:a.corp.test include:b.corp.test include:c.corp.test include:d.corp.test include:e.corp.test include:f.corp.test include:g.corp.test include:h.corp.test -all"
            a       TXT  "v=spf1 a:x1.corp.test a:x2.corp.test -all"
            b       TXT  "v=spf1 a:x1.corp.test a:x2.corp.test -all"
            c       TXT  "v=spf1 ip4:192.0.2.3 -all"
            d       TXT  "v=spf1 ip4:192.0.2.4 -all"
            e       TXT  "v=spf1 ip4:192.0.2.5 -all"
            f       TXT  "v=spf1 ip4:192.0.2.6 -all"
            g       TXT  "v=spf1 ip4:192.0.2.7 -all"
            h       TXT  "v=spf1 ip4:192.0.2.8 -all"
            x1      A    192.0.2.1
            x2      A    192.0.2.2
            _dmarc  TXT  "v=DMARC1; p=quarantine; adkim=x; rua=mailto:dmarc@corp.test"
            """;


    @Start
    void start(Stage stage) {
        app = WindowUnderTest.open(stage, TestDnsServer.start(ZONE), settings -> {
            settings.timeoutProperty().set(Duration.ofMillis(750));
            settings.lastPageProperty().set("domain");
        });
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
    }

    @Test
    void twelveOfTenLookupsAndABrokenDmarcTagAreErrorsWithTheLintersWords(FxRobot robot) {
        robot.clickOn("#domainField").write("corp.test").type(KeyCode.ENTER);
        waitUntil(robot, () -> rows(robot).size() == 7 && rows(robot).stream().noneMatch(row -> row.state() == CheckState.PENDING));

        assertEquals(CheckState.ERROR, badge(robot, "spf").getState());
        assertTrue(cardIds(robot, "spf").contains("spf.too-many-lookups"), cardIds(robot, "spf").toString());
        assertEquals(CheckState.ERROR, badge(robot, "dmarc").getState());
        assertTrue(cardIds(robot, "dmarc").contains("dmarc.syntax"), cardIds(robot, "dmarc").toString());
    }

    private static List<OverviewRow> rows(FxRobot robot) {
        return robot.lookup(".overview-row").queryAll().stream().map(node -> (OverviewRow) node.getUserData()).toList();
    }

    private static StateBadge badge(FxRobot robot, String aspect) {
        return robot.from(robot.lookup(".overview-row." + aspect).<Node>query()).lookup(".state-badge").queryAs(StateBadge.class);
    }

    private static List<String> cardIds(FxRobot robot, String aspect) {
        return robot.from(robot.lookup(".overview-row." + aspect).<Node>query()).lookup(".finding-card").queryAllAs(FindingCard.class)
                .stream().map(card -> card.finding().id()).toList();
    }

    private static void waitUntil(FxRobot robot, Callable<Boolean> condition) {
        FxWait.until(8, condition, () -> rows(robot).toString());
    }
}
