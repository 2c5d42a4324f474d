package org.deskcrm.ui.report;

import java.awt.Color;
import java.util.List;

/**
 * The colours of a report chart for the window's theme (JFreeChart paints with AWT colours, which the
 * theme's CSS cannot reach): background, text, grid lines and bars, taken from the theme files'
 * surface, text, border and accent colours.
 */
record ChartPalette(Color background, Color text, Color grid, Color bar) {
    static final ChartPalette LIGHT = new ChartPalette(Color.WHITE, new Color(0x37, 0x41, 0x51),
            new Color(0xE5, 0xE7, 0xEB), new Color(0x3B, 0x82, 0xF6));
    static final ChartPalette DARK = new ChartPalette(new Color(0x1F, 0x22, 0x28), new Color(0xE5, 0xE7, 0xEB),
            new Color(0x30, 0x34, 0x3C), new Color(0x60, 0xA5, 0xFA));

    /** The dark palette when the scene's stylesheets include the dark theme ({@code dark.css}). */
    static ChartPalette of(List<String> stylesheets) {
        return stylesheets.stream().anyMatch(s -> s.endsWith("/dark.css")) ? DARK : LIGHT;
    }
}
