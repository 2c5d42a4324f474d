package org.deskcrm.service.imports;

import org.deskcrm.model.io.DateStyle;
import org.deskcrm.model.io.ImportSettings;
import org.deskcrm.model.io.NumberStyle;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A profile keeps the file's number and date formats and the create-missing choice. */
class ProfileFormatsTest {
    @Test
    void formatsAndCreateMissingSurviveAStoredProfile() {
        ImportSettings s = ImportSettings.defaults().withColumns(Map.of("closedOn", "Close Date"))
                .withFormats(NumberStyle.COMMA, DateStyle.MONTH_SLASH).withCreateMissing(true);
        String text = ProfileCodec.encode(s);
        assertThat(text).contains("numberFormat=comma", "dateFormat=MM/dd/yyyy", "createMissing=true");
        assertThat(ProfileCodec.decode(text)).isEqualTo(s);
        ImportSettings old = ProfileCodec.decode("duplicates=MERGE\n"); // a profile written before the formats
        assertThat(old.numberStyle()).isEqualTo(NumberStyle.AUTO);
        assertThat(old.dateStyle()).isEqualTo(DateStyle.AUTO);
        assertThat(old.createMissing()).isFalse();
    }
}
