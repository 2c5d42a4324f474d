package org.deskcrm.model.report;

import org.deskcrm.model.report.PeriodPreset.Range;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Every preset's dates at the edges of weeks, months, quarters and years, and the previous period. */
class PeriodPresetTest {
    private static Range r(String from, String to) {
        return new Range(LocalDate.parse(from), LocalDate.parse(to));
    }

    private static Range of(PeriodPreset p, String today) {
        return p.range(LocalDate.parse(today)).orElseThrow();
    }

    @Test
    void presetsOnAnOrdinaryDay() {
        String today = "2026-05-14"; // a Thursday in the second quarter
        assertThat(of(PeriodPreset.TODAY, today)).isEqualTo(r("2026-05-14", "2026-05-14"));
        assertThat(of(PeriodPreset.THIS_WEEK, today)).isEqualTo(r("2026-05-11", "2026-05-17"));
        assertThat(of(PeriodPreset.LAST_WEEK, today)).isEqualTo(r("2026-05-04", "2026-05-10"));
        assertThat(of(PeriodPreset.THIS_MONTH, today)).isEqualTo(r("2026-05-01", "2026-05-31"));
        assertThat(of(PeriodPreset.LAST_MONTH, today)).isEqualTo(r("2026-04-01", "2026-04-30"));
        assertThat(of(PeriodPreset.THIS_QUARTER, today)).isEqualTo(r("2026-04-01", "2026-06-30"));
        assertThat(of(PeriodPreset.LAST_QUARTER, today)).isEqualTo(r("2026-01-01", "2026-03-31"));
        assertThat(of(PeriodPreset.THIS_YEAR, today)).isEqualTo(r("2026-01-01", "2026-12-31"));
        assertThat(of(PeriodPreset.LAST_YEAR, today)).isEqualTo(r("2025-01-01", "2025-12-31"));
        assertThat(of(PeriodPreset.LAST_12_MONTHS, today)).isEqualTo(r("2025-06-01", "2026-05-31"));
        assertThat(PeriodPreset.CUSTOM.range(LocalDate.parse(today))).isEmpty();
    }

    @Test
    void edgesOfMonthsQuartersAndYears() {
        // the first day of a year: last month and last quarter are in the year before
        assertThat(of(PeriodPreset.LAST_MONTH, "2026-01-01")).isEqualTo(r("2025-12-01", "2025-12-31"));
        assertThat(of(PeriodPreset.LAST_QUARTER, "2026-01-01")).isEqualTo(r("2025-10-01", "2025-12-31"));
        assertThat(of(PeriodPreset.THIS_QUARTER, "2026-03-31")).isEqualTo(r("2026-01-01", "2026-03-31"));
        assertThat(of(PeriodPreset.THIS_QUARTER, "2026-04-01")).isEqualTo(r("2026-04-01", "2026-06-30"));
        // a leap February, and a week across a year's end (Sunday 3 January 2027 belongs to the week of 28 December)
        assertThat(of(PeriodPreset.THIS_MONTH, "2028-02-10")).isEqualTo(r("2028-02-01", "2028-02-29"));
        assertThat(of(PeriodPreset.THIS_WEEK, "2027-01-03")).isEqualTo(r("2026-12-28", "2027-01-03"));
        assertThat(of(PeriodPreset.LAST_MONTH, "2026-03-31")).isEqualTo(r("2026-02-01", "2026-02-28"));
    }

    @Test
    void thePreviousPeriodHasTheSameShape() {
        assertThat(r("2026-03-01", "2026-03-31").previous()).isEqualTo(r("2026-02-01", "2026-02-28"));
        assertThat(r("2026-01-01", "2026-03-31").previous()).isEqualTo(r("2025-10-01", "2025-12-31"));
        assertThat(r("2026-01-01", "2026-12-31").previous()).isEqualTo(r("2025-01-01", "2025-12-31"));
        assertThat(r("2026-05-11", "2026-05-17").previous()).isEqualTo(r("2026-05-04", "2026-05-10"));
        assertThat(r("2026-05-14", "2026-05-14").previous()).isEqualTo(r("2026-05-13", "2026-05-13"));
    }

    @Test
    void aPeriodUnderWayIsComparedWithTheSameStretchOfThePreviousOne() {
        LocalDate dec7 = LocalDate.parse("2026-12-07");
        assertThat(r("2026-12-01", "2026-12-31").soFar(dec7)).contains(r("2026-12-01", "2026-12-07"));
        assertThat(r("2026-12-01", "2026-12-31").previousSoFar(dec7)).contains(r("2026-11-01", "2026-11-07"));
        // the month's last day when the previous month is shorter
        assertThat(r("2026-03-01", "2026-03-31").previousSoFar(LocalDate.parse("2026-03-30")))
                .contains(r("2026-02-01", "2026-02-28"));
        // a quarter: the same day three months back; a year: a year back
        assertThat(r("2026-10-01", "2026-12-31").previousSoFar(dec7)).contains(r("2026-07-01", "2026-09-07"));
        assertThat(r("2026-01-01", "2026-12-31").previousSoFar(dec7)).contains(r("2025-01-01", "2025-12-07"));
        // a week (and any other run of days): the same number of days back
        assertThat(r("2026-12-07", "2026-12-13").previousSoFar(LocalDate.parse("2026-12-09")))
                .contains(r("2026-11-30", "2026-12-02"));
        // the first day: one day against one day
        assertThat(r("2026-12-01", "2026-12-31").previousSoFar(LocalDate.parse("2026-12-01")))
                .contains(r("2026-11-01", "2026-11-01"));
        // over (today is its last day or later) or not begun: the whole periods are compared
        assertThat(r("2026-12-01", "2026-12-31").soFar(LocalDate.parse("2026-12-31"))).isEmpty();
        assertThat(r("2026-11-01", "2026-11-30").previousSoFar(dec7)).isEmpty();
        assertThat(r("2027-01-01", "2027-01-31").previousSoFar(dec7)).isEmpty();
    }

    @Test
    void typedDatesMatchAPresetOrAreCustom() {
        LocalDate today = LocalDate.parse("2026-05-14");
        assertThat(PeriodPreset.matching(LocalDate.parse("2026-04-01"), LocalDate.parse("2026-06-30"), today))
                .isEqualTo(PeriodPreset.THIS_QUARTER);
        assertThat(PeriodPreset.matching(LocalDate.parse("2026-04-02"), LocalDate.parse("2026-06-30"), today))
                .isEqualTo(PeriodPreset.CUSTOM);
    }
}
