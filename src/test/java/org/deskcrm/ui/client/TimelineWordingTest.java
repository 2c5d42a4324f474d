package org.deskcrm.ui.client;

import org.deskcrm.model.client.TimelineEntry;
import org.deskcrm.model.client.TimelineKind;
import org.deskcrm.ui.common.I18n;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The timeline says what happened once: "Call: Andrew King (open)", never "Call: Call: Andrew King". */
class TimelineWordingTest {
    private static TimelineItem task(I18n i18n, String title) {
        return new TimelineFormatter(i18n, ZoneOffset.UTC, (f, v) -> v).format(new TimelineEntry(TimelineKind.TASK,
                Instant.parse("2026-03-10T09:00:00Z"), "Anna", "call:open", title, null, null, null, null));
    }

    @Test
    void aTaskTitleStartingWithItsKindIsNotPrefixedTwice() {
        I18n en = new I18n(Locale.ENGLISH);
        assertThat(task(en, "Call: Andrew King").headline()).isEqualTo("Call: Andrew King (open)");
        assertThat(task(en, "call:Andrew King").headline()).isEqualTo("Call: Andrew King (open)");
        assertThat(task(en, "Callback to Andrew King").headline()).isEqualTo("Call: Callback to Andrew King (open)");
        I18n ru = new I18n(Locale.forLanguageTag("ru"));
        String kind = ru.get("client.task.kind.call");
        assertThat(task(ru, kind + ": Андрей Король").headline()).doesNotContain(kind + ": " + kind)
                .startsWith(kind + ": Андрей Король");
        TimelineItem note = new TimelineFormatter(en, ZoneOffset.UTC, (f, v) -> v).format(new TimelineEntry(
                TimelineKind.NOTE, Instant.parse("2026-03-10T09:00:00Z"), "Anna", "meeting", "Meeting: price list",
                null, null, null, null));
        assertThat(note.headline()).isEqualTo("Meeting: price list");
    }
}
