package org.deskcrm.ui.client;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.model.user.User;

import java.util.List;
import java.util.Map;

/** The choices of the card's manager and source pickers, and the names they give to manager and source ids. */
final class CardChoices {
    private final ClientUiContext ctx;
    private final ObservableList<Choice> owners = FXCollections.observableArrayList();
    private final ObservableList<Choice> sources = FXCollections.observableArrayList();

    CardChoices(ClientUiContext ctx) {
        this.ctx = ctx;
    }

    /** Fills both pickers: "none" first, then the managers the user may assign and the sources. */
    void fill(List<User> assignable, Map<Long, String> sourceNames) {
        owners.setAll(Choice.none(ctx.i18n().get("client.owner.none")));
        assignable.forEach(u -> owners.add(new Choice(u.id(), u.fullName())));
        sources.setAll(Choice.none(ctx.i18n().get("client.source.none")));
        sourceNames.forEach((id, n) -> sources.add(new Choice(id, n)));
    }

    /** The manager's choice ("none" for null); an id not offered is added as "#id". */
    Choice owner(Long id) {
        return choice(owners, id);
    }

    /** The source's choice ("none" for null); an id not offered is added as "#id". */
    Choice source(Long id) {
        return choice(sources, id);
    }

    private static Choice choice(List<Choice> list, Long id) {
        if (id == null) {
            return list.get(0);
        }
        return list.stream().filter(c -> c.is(id)).findFirst().orElseGet(() -> {
            Choice missing = new Choice(id, "#" + id);
            list.add(missing);
            return missing;
        });
    }

    /** An audited value as a person reads it: manager and source ids become their names. */
    String valueName(String field, String value) {
        List<Choice> list = "ownerId".equals(field) ? owners : "sourceId".equals(field) ? sources : null;
        if (list == null || value == null) {
            return value;
        }
        return list.stream().filter(c -> c.id() != null && c.id().toString().equals(value)).map(Choice::label)
                .findFirst().orElse(value);
    }

    ObservableList<Choice> owners() {
        return owners;
    }

    ObservableList<Choice> sources() {
        return sources;
    }
}
