package org.deskcrm.ui.shell;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every pair of text and background colour the window's surfaces use, in both themes, reads at WCAG AA
 * (contrast ≥ 4.5:1 for text): computed from the theme files themselves, so a colour change that makes
 * a label, a placeholder, a menu, a notification or a selected row hard to read fails here.
 */
class ThemeContrastTest {
    /** text colour, background colour, where the pair is seen. */
    private static final String[][] PAIRS = {
            {"-crm-text", "-crm-bg", "window text"},
            {"-crm-text", "-crm-surface", "cards, dialogs, menus, notifications"},
            {"-crm-text", "-crm-tab-bg", "tab titles"},
            {"-crm-text", "-crm-status-bg", "status bar"},
            {"-crm-text", "-crm-hover", "hovered menu and list items"},
            {"-crm-text-muted", "-crm-surface", "hints, column headers, placeholders on cards"},
            {"-crm-text-muted", "-crm-bg", "hints on the window background"},
            {"-crm-text-muted", "-crm-status-bg", "status bar hints"},
            {"-crm-text-muted", "-crm-toolbar-bg", "toolbar hints"},
            {"-crm-text-muted", "-fx-control-inner-background", "placeholders in text fields"},
            {"-crm-sidebar-text", "-crm-sidebar-bg", "sidebar"},
            {"-crm-sidebar-muted", "-crm-sidebar-bg", "sidebar hints"},
            {"-crm-sidebar-selected-text", "-crm-sidebar-selected-bg", "selected sidebar item"},
            {"-fx-selection-bar-text", "-fx-selection-bar", "selected rows"},
            {"-crm-accent-text", "-crm-accent", "primary buttons, focused menu items"},
            {"-crm-accent-text", "-crm-accent-hover", "hovered primary buttons"},
            {"-crm-danger", "-crm-surface", "errors"},
            {"-crm-warning", "-crm-surface", "warnings"},
            {"-crm-link", "-crm-surface", "links and keys in dialogs"},
    };

    @ParameterizedTest
    @ValueSource(strings = {"light.css", "dark.css"})
    void everyTextReadsAtAaContrast(String theme) throws IOException {
        Map<String, String> colours = colours(theme);
        List<String> failures = new ArrayList<>();
        for (String[] p : PAIRS) {
            assertThat(colours).as(theme + " defines " + p[0]).containsKey(p[0]);
            assertThat(colours).as(theme + " defines " + p[1]).containsKey(p[1]);
            double c = contrast(colours.get(p[0]), colours.get(p[1]));
            if (c < 4.5) {
                failures.add(String.format("%s on %s (%s): %.2f", p[0], p[1], p[2], c));
            }
        }
        assertThat(failures).as(theme).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"shell.css"})
    void tooltipsAndNotificationsUseReadableColours(String file) throws IOException {
        String css = read(file);
        // tooltips are fixed dark on light text in both themes
        assertThat(contrast("#f9fafb", "#111827")).isGreaterThan(4.5);
        assertThat(css).contains(".notification-bar.crm-notification > .pane .label")
                .contains("-fx-prompt-text-fill: -crm-text-muted;");
    }

    /** The WCAG 2 contrast ratio of two #rrggbb colours. */
    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1, 7), 16);
        return 0.2126 * channel(rgb >> 16 & 0xff) + 0.7152 * channel(rgb >> 8 & 0xff) + 0.0722 * channel(rgb & 0xff);
    }

    private static double channel(int v) {
        double c = v / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static Map<String, String> colours(String theme) throws IOException {
        Map<String, String> m = new HashMap<>();
        Matcher matcher = Pattern.compile("(-[\\w-]+):\\s*(#[0-9a-fA-F]{6})\\b").matcher(read(theme));
        while (matcher.find()) {
            m.put(matcher.group(1), matcher.group(2));
        }
        return m;
    }

    private static String read(String file) throws IOException {
        try (InputStream in = ThemeContrastTest.class.getResourceAsStream("/org/deskcrm/ui/shell/" + file)) {
            assertThat(in).as(file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
