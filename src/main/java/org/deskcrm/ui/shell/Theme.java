package org.deskcrm.ui.shell;

import java.util.Locale;
import java.util.Optional;

/** The window's colour themes; the layout rules live in {@code shell.css}, colours in the theme file. */
public enum Theme {
    LIGHT, DARK;

    public static final String BASE_CSS = "/org/deskcrm/ui/shell/shell.css";

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String cssResource() {
        return "/org/deskcrm/ui/shell/" + code() + ".css";
    }

    public String titleKey() {
        return "shell.theme." + code();
    }

    public static Optional<Theme> ofCode(String code) {
        for (Theme t : values()) {
            if (t.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
