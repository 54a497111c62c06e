package org.mailwright.ui.shell;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The pages of the window, in the order of the navigation (and of Ctrl+1 to Ctrl+8). */
public enum Page {
    DOMAIN(Material2AL.DNS),
    SPF(Material2MZ.SEND),
    DKIM(Material2MZ.VPN_KEY),
    DMARC(Material2MZ.POLICY),
    PROPAGATION(Material2MZ.PUBLIC),
    HEALTH(Material2AL.FACT_CHECK),
    REPORTS(Material2AL.INSERT_CHART),
    SETTINGS(Material2MZ.SETTINGS);

    private final Ikon icon;

    Page(Ikon icon) {
        this.icon = icon;
    }

    /** The stable identifier kept in the settings, for example {@code health}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Ikon icon() {
        return icon;
    }

    /** The key of the page's name in the navigation. */
    public String titleKey() {
        return "nav." + id();
    }

    /** The number of its shortcut: Ctrl+1 for the first page. */
    public int shortcut() {
        return ordinal() + 1;
    }

    public static Optional<Page> byId(String id) {
        return Arrays.stream(values()).filter(page -> page.id().equals(id)).findFirst();
    }

    public static Optional<Page> byShortcut(int number) {
        return number >= 1 && number <= values().length ? Optional.of(values()[number - 1]) : Optional.empty();
    }
}
