package org.deskcrm.service.export;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * Headers, filter labels, enum names and messages of the exports in the user's language (bundle
 * {@code i18n/ui/export}); one per export, not shared between threads.
 */
public final class ExportTexts {
    private final ResourceBundle bundle;
    private final Locale locale;
    /** Enum labels already looked up: a list export asks for one on every row. */
    private final Map<Enum<?>, String> labels = new HashMap<>();

    public ExportTexts(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("org.deskcrm.i18n.ui.export", locale);
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key) {
        return bundle.containsKey(key) ? bundle.getString(key) : key;
    }

    public String format(String key, Object... args) {
        return org.deskcrm.model.common.Messages.format(get(key), locale, args);
    }

    /** An enum constant's name ({@code export.enum.<Type>.<NAME>}), else the constant itself. */
    public String label(Enum<?> value) {
        if (value == null) {
            return null;
        }
        return labels.computeIfAbsent(value, v -> {
            String key = "export.enum." + v.getDeclaringClass().getSimpleName() + "." + v.name();
            return bundle.containsKey(key) ? bundle.getString(key) : v.name();
        });
    }

    public String yesNo(boolean value) {
        return get(value ? "export.yes" : "export.no");
    }
}
