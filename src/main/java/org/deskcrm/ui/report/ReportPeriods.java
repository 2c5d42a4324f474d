package org.deskcrm.ui.report;

import org.deskcrm.model.report.PeriodPreset;

import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The period preset a person last chose for each report, kept per login in the computer's
 * {@link Preferences}, so a report opens on the period its reader looks at (else this month).
 */
public interface ReportPeriods {
    /** Remembers nothing (tests, the command line). */
    ReportPeriods NONE = new ReportPeriods() {
        @Override
        public Optional<PeriodPreset> last(String report) {
            return Optional.empty();
        }

        @Override
        public void remember(String report, PeriodPreset preset) {
            // nothing kept
        }
    };

    Optional<PeriodPreset> last(String report);

    void remember(String report, PeriodPreset preset);

    /** The choices of the person with this login ({@code -Ddeskcrm.prefsNode} moves them, for tests). */
    static ReportPeriods forLogin(String login) {
        String base = System.getProperty("deskcrm.prefsNode", "org/deskcrm/shell");
        String who = login == null || login.isBlank() ? "anonymous" : login.replaceAll("[^A-Za-z0-9._-]", "_");
        Preferences node = Preferences.userRoot().node(base + "/report-periods/" + (who.length() > 60 ? who.substring(0, 60) : who));
        return new ReportPeriods() {
            @Override
            public Optional<PeriodPreset> last(String report) {
                return PeriodPreset.ofCode(node.get(report, ""));
            }

            @Override
            public void remember(String report, PeriodPreset preset) {
                node.put(report, preset.code());
                try {
                    node.flush();
                } catch (BackingStoreException | SecurityException e) {
                    // a convenience: the report works without it being written
                }
            }
        };
    }
}
