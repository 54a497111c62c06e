/** Mailwright: writes, verifies and monitors the DNS records for trusted email. */
module org.mailwright {
    requires java.logging;
    requires java.prefs;
    // JDBC for the report archive.
    requires java.sql;
    // The report archive's SQLite driver (a named module from its Java 9 descriptor). PostgreSQL's
    // driver is found by JDBC on the class path, not required here: it is an automatic module,
    // which jlink cannot link.
    requires org.xerial.sqlitejdbc;
    // Reports fetched over IMAPS: the Jakarta Mail API, and Angus Mail, whose IMAP provider it finds
    // as a service (required, so that jlink links it into the image).
    requires jakarta.mail;
    requires org.eclipse.angus.mail;
    // Spanish dates and numbers: without the CLDR locale data the image formats everything as English.
    requires jdk.localedata;
    requires javafx.controls;
    requires javafx.fxml;
    requires org.dnsjava;
    requires org.slf4j;
    // dnsjava logs through slf4j; without its JUL provider in the image slf4j prints warnings on stderr.
    requires org.slf4j.jul;
    requires info.picocli;
    requires com.fasterxml.jackson.core;
    requires atlantafx.base;
    requires org.kordamp.ikonli.core;
    requires org.kordamp.ikonli.javafx;
    requires org.kordamp.ikonli.material2;
    requires net.synedra.validatorfx;
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;
    // Ed25519 keys and signatures (DKIM, RFC 8463) come from the SunEC provider in this module.
    requires jdk.crypto.ec;

    exports org.mailwright;
    exports org.mailwright.dns;
    // The exported resolver service's names and errors carry their problem in the user's words.
    exports org.mailwright.i18n;
    exports org.mailwright.ui to javafx.graphics;

    opens org.mailwright.cli to info.picocli;
    opens org.mailwright.i18n;
    opens org.mailwright.ui.shell to javafx.fxml;
    opens org.mailwright.ui.domain to javafx.fxml;
    opens org.mailwright.ui.check to javafx.fxml;
    opens org.mailwright.ui.settings to javafx.fxml;
    opens org.mailwright.ui.reports to javafx.fxml;
    opens org.mailwright.ui.wizard to javafx.fxml;
    opens org.mailwright.ui.spf to javafx.fxml;
    opens org.mailwright.ui.dmarc to javafx.fxml;
    opens org.mailwright.ui.propagation to javafx.fxml;
    opens org.mailwright.ui.dkim to javafx.fxml;
    opens org.mailwright.ui.publish to javafx.fxml;
    // FXML files build the small controls (SegmentedChoice) by reflection.
    opens org.mailwright.ui.controls to javafx.fxml;
    // The runtime's SunEC picked by its class (dkim.Ed25519Provider).
    uses java.security.Provider;
}
