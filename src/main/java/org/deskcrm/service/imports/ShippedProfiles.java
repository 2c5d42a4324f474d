package org.deskcrm.service.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The ready-made import profiles shipped in the jar for the files people bring from other systems
 * (docs/guides/migration.md): amoCRM and Bitrix24 deal exports, a Salesforce opportunity report, 1C
 * client and sales lists. Each is a profile file (docs/import.md, "Profiles") under
 * {@code org/deskcrm/imports/profiles/NAME.properties}.
 */
public final class ShippedProfiles {
    static final String FOLDER = "/org/deskcrm/imports/profiles/";
    /** The names a user passes to {@code --profile}. */
    public static final List<String> NAMES = List.of("amocrm-deals", "bitrix24-deals", "salesforce-opportunities",
            "1c-clients", "1c-sales");

    private ShippedProfiles() {
    }

    /** The text of the shipped profile of that name (case ignored), or empty when none is shipped. */
    public static Optional<String> text(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT);
        if (!NAMES.contains(n)) {
            return Optional.empty();
        }
        try (InputStream in = ShippedProfiles.class.getResourceAsStream(FOLDER + n + ".properties")) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
