package org.deskcrm.ui.common;

import org.deskcrm.model.common.AppException;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every user-visible string of the window. Each feature owns one bundle under
 * {@code org/deskcrm/i18n/ui/} (shell, client, deal, call, task, report, io, user), in English
 * (base file) and Russian ({@code _ru}); a key is looked up in all of them, first match wins.
 */
public final class I18n {
    /** The feature bundles, in lookup order. A new feature adds its bundle name here. */
    public static final List<String> BUNDLES = List.of(
            "shell", "common", "client", "deal", "call", "task", "report", "io", "user", "demo", "imports",
            "export", "settings", "trust", "connect", "home");

    private final Locale locale;
    private final List<ResourceBundle> bundles = new ArrayList<>();

    public I18n(Locale locale) {
        this.locale = locale;
        for (String name : BUNDLES) {
            try {
                bundles.add(ResourceBundle.getBundle("org.deskcrm.i18n.ui." + name, locale));
            } catch (MissingResourceException ignored) {
                // a feature without strings yet
            }
        }
    }

    public Locale locale() {
        return locale;
    }

    public boolean has(String key) {
        return bundles.stream().anyMatch(b -> b.containsKey(key));
    }

    /** The text for a key; a missing key shows as {@code !key!} (and the bundle test fails). */
    public String get(String key) {
        for (ResourceBundle b : bundles) {
            if (b.containsKey(key)) {
                return b.getString(key);
            }
        }
        return "!" + key + "!";
    }

    /** The text with {@link MessageFormat} arguments ({0}, {1,number}...). */
    public String format(String key, Object... args) {
        return org.deskcrm.model.common.Messages.format(get(key), locale, args);
    }

    /**
     * A count with its noun in the right plural form ({@link org.deskcrm.model.common.Plurals}): the key's text
     * lists the forms separated by {@code |}, {0} is the count, {1}... the further arguments.
     */
    public String plural(String key, long count, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = count;
        System.arraycopy(args, 0, all, 1, args.length);
        return org.deskcrm.model.common.Messages.format(org.deskcrm.model.common.Plurals.form(get(key), count, locale),
                locale, all);
    }

    /** The localized sentence for an exception: AppException keys, anything else as a generic error. */
    public String message(Throwable error) {
        Throwable e = error;
        while (e != null && !(e instanceof AppException)) {
            e = e.getCause();
        }
        if (e instanceof AppException app && has(app.messageKey())) {
            return format(app.messageKey(), app.args());
        }
        return format("error.unexpected", error == null ? "" : error.getClass().getSimpleName());
    }
}
