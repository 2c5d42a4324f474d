package org.deskcrm.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The {@code --mapping} option of the import commands: {@code field=Header,field=Header,...} or the
 * path of a UTF-8 .properties file with the same pairs, as field → column header in the given order.
 */
final class MappingOption {
    private MappingOption() {
    }

    static Map<String, String> pairs(String spec) {
        Map<String, String> pairs = new LinkedHashMap<>();
        Path asFile = Path.of(spec);
        if (spec.endsWith(".properties") && Files.isRegularFile(asFile)) {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(asFile, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException e) {
                throw new IllegalArgumentException("--mapping: cannot read " + spec, e);
            }
            p.stringPropertyNames().forEach(k -> pairs.put(k, p.getProperty(k)));
        } else {
            for (String part : spec.split(",")) {
                int eq = part.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("--mapping: field=Header expected: " + part);
                }
                pairs.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
            }
        }
        return pairs;
    }
}
