package org.deskcrm.ui.home;

import org.deskcrm.model.report.PeriodPreset;
import org.deskcrm.service.home.HomeTile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What one person chose on the home dashboard (tiles and their order, the period preset), kept per
 * signed-in login in the computer's {@link Preferences}: two people on one computer keep their own.
 */
public final class HomePreferences {
    private static final String TILES = "tiles";
    private static final String PRESET = "preset";
    private final Preferences node;

    public HomePreferences(Preferences node) {
        this.node = node;
    }

    /** The settings of the person with this login ({@code -Ddeskcrm.prefsNode} moves them, for tests). */
    public static HomePreferences forLogin(String login) {
        String base = System.getProperty("deskcrm.prefsNode", "org/deskcrm/shell");
        return new HomePreferences(Preferences.userRoot().node(base + "/home/" + safe(login)));
    }

    private static String safe(String login) {
        String s = login == null || login.isBlank() ? "anonymous" : login.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.length() > 60 ? s.substring(0, 60) : s;
    }

    /** The chosen tiles in order; empty until the person changes them. */
    public Optional<List<HomeTile>> tiles() {
        String s = node.get(TILES, null);
        if (s == null) {
            return Optional.empty();
        }
        List<HomeTile> out = new ArrayList<>();
        for (String code : s.split(",")) {
            HomeTile.ofCode(code.strip()).filter(t -> !out.contains(t)).ifPresent(out::add);
        }
        return Optional.of(out);
    }

    public void setTiles(List<HomeTile> tiles) {
        node.put(TILES, String.join(",", tiles.stream().map(HomeTile::code).toList()));
        flush();
    }

    public Optional<PeriodPreset> preset() {
        return PeriodPreset.ofCode(node.get(PRESET, ""));
    }

    public void setPreset(PeriodPreset preset) {
        node.put(PRESET, preset.code());
        flush();
    }

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException | SecurityException e) {
            // a convenience: the dashboard works without it being written
        }
    }
}
