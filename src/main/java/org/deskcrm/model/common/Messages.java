package org.deskcrm.model.common;

import java.text.MessageFormat;
import java.util.Locale;

/**
 * The one way a bundle text is filled with arguments ({0}, {1,number}…). Bundle texts are written as the
 * user reads them: an apostrophe is an apostrophe, never doubled and never a quote of MessageFormat (which
 * would swallow it and leave "{0}" unfilled after it), so it is doubled here before formatting.
 */
public final class Messages {
    private Messages() {
    }

    public static String format(String text, Locale locale, Object... args) {
        return new MessageFormat(text.replace("'", "''"), locale).format(args);
    }
}
