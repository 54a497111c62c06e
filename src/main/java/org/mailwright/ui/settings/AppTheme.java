package org.mailwright.ui.settings;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import java.util.Arrays;
import java.util.Optional;

/** Light or dark: each an AtlantaFX theme. */
public enum AppTheme {
    LIGHT("light", new PrimerLight()),
    DARK("dark", new PrimerDark());

    private final String id;
    private final Theme atlantaTheme;

    AppTheme(String id, Theme atlantaTheme) {
        this.id = id;
        this.atlantaTheme = atlantaTheme;
    }

    public String id() {
        return id;
    }

    /** The user-agent stylesheet that paints every control in this theme. */
    public String userAgentStylesheet() {
        return atlantaTheme.getUserAgentStylesheet();
    }

    public static Optional<AppTheme> byId(String id) {
        return Arrays.stream(values()).filter(theme -> theme.id.equals(id)).findFirst();
    }
}
