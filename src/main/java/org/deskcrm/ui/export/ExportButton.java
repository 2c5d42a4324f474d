package org.deskcrm.ui.export;

import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import org.deskcrm.service.export.ExportTarget;
import org.deskcrm.ui.common.I18n;

import java.util.function.Supplier;

/** The "Export to Excel" button of a list: fires an {@link ExportRequest} with the list as it is filtered now. */
public final class ExportButton {
    public static final String ID = "exportButton";

    private ExportButton() {
    }

    /** A button exporting what {@code target} returns when clicked (null: nothing to export yet). */
    public static Button create(I18n i18n, Supplier<ExportTarget> target) {
        Button b = new Button(i18n.get("export.button"));
        b.setId(ID);
        b.getStyleClass().add("export-button");
        b.setTooltip(new Tooltip(i18n.get("export.button.tip")));
        b.setOnAction(e -> {
            ExportTarget t = target.get();
            if (t != null) {
                b.fireEvent(new ExportRequest(t));
            }
        });
        return b;
    }
}
