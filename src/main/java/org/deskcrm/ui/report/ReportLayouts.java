package org.deskcrm.ui.report;

import org.deskcrm.model.report.FunnelMeasure;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.prefs.Preferences;

/**
 * How each person last arranged each report, kept per login in the computer's {@link Preferences}: where
 * the divider between table and chart stands, and the measure a funnel is drawn by.
 */
public interface ReportLayouts {
    /** Remembers nothing (tests, the command line). */
    ReportLayouts NONE = new ReportLayouts() {
        @Override
        public OptionalDouble divider(String report) {
            return OptionalDouble.empty();
        }

        @Override
        public void rememberDivider(String report, double position) {
            // nothing kept
        }

        @Override
        public Optional<FunnelMeasure> measure(String report) {
            return Optional.empty();
        }

        @Override
        public void rememberMeasure(String report, FunnelMeasure measure) {
            // nothing kept
        }
    };

    /** The divider's last position (0–1 of the width), if the person moved it. */
    OptionalDouble divider(String report);

    void rememberDivider(String report, double position);

    Optional<FunnelMeasure> measure(String report);

    void rememberMeasure(String report, FunnelMeasure measure);

    /** The choices of the person with this login ({@code -Ddeskcrm.prefsNode} moves them, for tests). */
    static ReportLayouts forLogin(String login) {
        String base = System.getProperty("deskcrm.prefsNode", "org/deskcrm/shell");
        String who = login == null || login.isBlank() ? "anonymous" : login.replaceAll("[^A-Za-z0-9._-]", "_");
        return in(Preferences.userRoot().node(base + "/report-layouts/" + (who.length() > 60 ? who.substring(0, 60) : who)));
    }

    /** Kept in this preferences node. */
    static ReportLayouts in(Preferences node) {
        return new ReportLayouts() {
            @Override
            public OptionalDouble divider(String report) {
                double v = node.getDouble(report + ".divider", -1);
                return v > 0 && v < 1 ? OptionalDouble.of(v) : OptionalDouble.empty();
            }

            @Override
            public void rememberDivider(String report, double position) {
                if (position > 0 && position < 1) {
                    node.putDouble(report + ".divider", position);
                }
            }

            @Override
            public Optional<FunnelMeasure> measure(String report) {
                String code = node.get(report + ".measure", "");
                for (FunnelMeasure m : FunnelMeasure.values()) {
                    if (m.code().equals(code)) {
                        return Optional.of(m);
                    }
                }
                return Optional.empty();
            }

            @Override
            public void rememberMeasure(String report, FunnelMeasure measure) {
                node.put(report + ".measure", measure.code());
            }
        };
    }
}
