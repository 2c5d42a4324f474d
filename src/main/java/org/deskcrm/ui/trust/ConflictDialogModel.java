package org.deskcrm.ui.trust;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.deskcrm.ui.common.ConflictField;
import org.deskcrm.ui.common.ConflictResolution;
import org.deskcrm.ui.common.ConflictResolution.Side;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The conflict dialog's state: the differing fields, each with the side chosen (mine at first) and,
 * for editable fields, the resulting text (mine's at first; choosing a side copies that side's text,
 * typing merges by hand).
 */
public final class ConflictDialogModel {
    /** One differing field and what the merge will save for it. */
    public static final class Row {
        private final ConflictField field;
        private final ObjectProperty<Side> side = new SimpleObjectProperty<>(Side.MINE);
        private final StringProperty result = new SimpleStringProperty();

        Row(ConflictField field) {
            this.field = field;
            result.set(field.mine());
            side.addListener((o, a, s) -> result.set(s == Side.THEIRS ? field.theirs() : field.mine()));
        }

        public ConflictField field() {
            return field;
        }

        public ObjectProperty<Side> sideProperty() {
            return side;
        }

        public StringProperty resultProperty() {
            return result;
        }
    }

    private final List<Row> rows;

    public ConflictDialogModel(List<ConflictField> fields) {
        this.rows = fields.stream().filter(ConflictField::differs).map(Row::new).toList();
    }

    public List<Row> rows() {
        return rows;
    }

    /** Every field from one side. */
    public void takeAll(Side s) {
        rows.forEach(r -> r.side.set(s));
    }

    public ConflictResolution merged() {
        Map<String, Side> sides = new HashMap<>();
        Map<String, String> texts = new HashMap<>();
        for (Row r : rows) {
            sides.put(r.field.key(), r.side.get());
            if (r.field.editable()) {
                texts.put(r.field.key(), r.result.get() == null ? "" : r.result.get());
            }
        }
        return new ConflictResolution(ConflictResolution.Kind.MERGE, sides, texts);
    }
}
