package org.deskcrm.ui.client;

import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.ui.common.ConflictField;
import org.deskcrm.ui.common.ConflictResolution;
import org.deskcrm.ui.common.ConflictResolution.Side;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.trust.ConflictDialogModel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The fields the conflict dialog shows for a client and the client a resolution saves. */
class ClientConflictTest {
    final ClientConflict conflict = new ClientConflict(new I18n(Locale.ENGLISH), id -> id == null ? "—" : "user " + id,
            id -> id == null ? "—" : "source " + id);

    static ClientCard card(String region, String notes, Long owner, long version) {
        Client c = Client.draft(ClientKind.COMPANY, "Romashka").withOwner(owner)
                .withDetails(null, region, null, null, null, notes, List.of("vip")).withId(7, version);
        return new ClientCard(c, List.of(), List.of());
    }

    @Test
    void onlyDifferingFieldsAreShownWithLocalizedLabels() {
        List<ConflictField> fields = conflict.fields(card("Moscow", "mine", 1L, 3), card("Kazan", "theirs", 2L, 4));
        assertThat(fields).extracting(ConflictField::key).containsExactly("region", "ownerId", "notes");
        assertThat(fields.get(0).label()).isEqualTo("Region");
        assertThat(fields.get(1)).extracting(ConflictField::mine, ConflictField::theirs, ConflictField::editable)
                .containsExactly("user 1", "user 2", false);
    }

    @Test
    void aMergeTakesTheChosenSideTheTypedTextAndTheirVersion() {
        ClientCard mine = card("Moscow", "mine", 1L, 3);
        ClientCard theirs = card("Kazan", "theirs", 2L, 4);
        ConflictDialogModel model = new ConflictDialogModel(conflict.fields(mine, theirs));
        model.rows().get(0).sideProperty().set(Side.THEIRS); // region
        assertThat(model.rows().get(0).resultProperty().get()).isEqualTo("Kazan");
        model.rows().get(2).resultProperty().set("mine and theirs"); // notes, by hand
        Client merged = ClientConflict.merge(mine.client(), theirs.client(), model.merged());
        assertThat(merged.region()).isEqualTo("Kazan");
        assertThat(merged.notes()).isEqualTo("mine and theirs");
        assertThat(merged.ownerId()).isEqualTo(1L);
        assertThat(merged.version()).isEqualTo(4);

        Client keep = ClientConflict.merge(mine.client(), theirs.client(), ConflictResolution.of(ConflictResolution.Kind.KEEP_MINE));
        assertThat(keep.region()).isEqualTo("Moscow");
        assertThat(keep.version()).isEqualTo(4);
        model.takeAll(Side.THEIRS);
        assertThat(ClientConflict.merge(mine.client(), theirs.client(), model.merged()).notes()).isEqualTo("theirs");
    }
}
