package org.deskcrm.ui.client;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.deskcrm.model.common.FieldError;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The validation errors the card shows, localized: one per client-level field, the name error of a contact
 * row and the error of a channel row.
 */
final class CardErrors {
    private final ClientUiContext ctx;
    private final ContactsAndChannels rows;
    private final Map<String, ReadOnlyStringWrapper> byField = new LinkedHashMap<>();

    /** @param bean the bean of the error properties (the card) */
    CardErrors(ClientUiContext ctx, ContactsAndChannels rows, Object bean, List<String> fields) {
        this.ctx = ctx;
        this.rows = rows;
        for (String f : fields) {
            byField.put(f, new ReadOnlyStringWrapper(bean, f + "Error", ""));
        }
    }

    /**
     * Replaces the errors shown by these: a client field's at the field, {@code contacts[i]} at the i-th
     * contact's name, {@code channels[i]} at the i-th of {@code channelRows} (the order the card was built in).
     */
    void show(List<FieldError> problems, List<ChannelRow> channelRows) {
        clear();
        List<ContactRow> contacts = rows.contacts();
        for (FieldError fe : problems) {
            String text = ctx.i18n().format(fe.messageKey(), fe.args().toArray());
            String f = fe.field();
            if (byField.containsKey(f)) {
                byField.get(f).set(text);
            } else if (f.startsWith("contacts[")) {
                int i = index(f);
                if (i >= 0 && i < contacts.size()) {
                    contacts.get(i).setNameError(text);
                }
            } else if (f.startsWith("channels[")) {
                int i = index(f);
                if (i >= 0 && i < channelRows.size()) {
                    channelRows.get(i).setError(text);
                }
            }
        }
    }

    private static int index(String field) {
        try {
            return Integer.parseInt(field.substring(field.indexOf('[') + 1, field.indexOf(']')));
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** Clears every error: the fields', the contacts' and the channels' of the client and of each contact. */
    void clear() {
        byField.values().forEach(e -> e.set(""));
        rows.contacts().forEach(c -> {
            c.setNameError("");
            c.channels().forEach(ch -> ch.setError(""));
        });
        rows.channels().forEach(ch -> ch.setError(""));
    }

    /** The localized error of a client-level field, empty when none. */
    ReadOnlyStringProperty property(String field) {
        ReadOnlyStringWrapper w = byField.get(field);
        if (w == null) {
            throw new IllegalArgumentException("unknown field " + field);
        }
        return w.getReadOnlyProperty();
    }
}
