package org.deskcrm.service.imports;

import org.deskcrm.model.common.AppException;
import org.deskcrm.model.io.CsvDelimiter;
import org.deskcrm.model.io.CsvEncoding;
import org.deskcrm.model.io.DateStyle;
import org.deskcrm.model.io.DuplicateMode;
import org.deskcrm.model.io.ImportSettings;
import org.deskcrm.model.io.NumberStyle;
import org.deskcrm.model.io.RefKind;

import java.io.IOException;
import java.io.StringReader;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Profile settings as stored text: one {@code name=value} line per setting (Java properties syntax,
 * sorted, so two saves of the same settings give the same text): {@code column.FIELD=Header},
 * {@code value.KIND.file name=known name}, {@code duplicates}, {@code encoding}, {@code delimiter},
 * {@code sheet}, {@code numberFormat} (auto, point, comma), {@code dateFormat} (auto or a pattern such as
 * dd.MM.yyyy), {@code createMissing}. Unknown lines are ignored and bad enum values fall back to the defaults, so a
 * profile written by a newer version still opens.
 */
final class ProfileCodec {
    static final int MAX_CHARS = 20_000;

    private ProfileCodec() {
    }

    static String encode(ImportSettings s) {
        Map<String, String> m = new TreeMap<>();
        s.columns().forEach((field, header) -> m.put("column." + field, header));
        s.values().forEach((kind, map) -> map.forEach((from, to) -> m.put("value." + kind.name() + "." + from, to)));
        m.put("duplicates", s.duplicates().name());
        m.put("encoding", s.encoding().name());
        m.put("delimiter", s.delimiter().name());
        m.put("sheet", s.sheet());
        m.put("numberFormat", s.numberStyle().code());
        m.put("dateFormat", s.dateStyle().pattern());
        m.put("createMissing", Boolean.toString(s.createMissing()));
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(escape(k, true)).append('=').append(escape(v, false)).append('\n'));
        if (sb.length() > MAX_CHARS) {
            throw new AppException("imports.error.profileTooBig", MAX_CHARS);
        }
        return sb.toString();
    }

    static ImportSettings decode(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text == null ? "" : text));
        } catch (IOException | IllegalArgumentException e) {
            throw new AppException("imports.error.profileDamaged", e);
        }
        Map<String, String> columns = new HashMap<>();
        Map<RefKind, Map<String, String>> values = new EnumMap<>(RefKind.class);
        for (String key : p.stringPropertyNames()) {
            String v = p.getProperty(key);
            if (key.startsWith("column.")) {
                columns.put(key.substring(7), v);
            } else if (key.startsWith("value.")) {
                int dot = key.indexOf('.', 6);
                RefKind kind = dot < 0 ? null : parse(RefKind.class, key.substring(6, dot), null);
                if (kind != null) {
                    values.computeIfAbsent(kind, k -> new HashMap<>()).put(key.substring(dot + 1), v);
                }
            }
        }
        return new ImportSettings(columns, values,
                parse(DuplicateMode.class, p.getProperty("duplicates"), DuplicateMode.SKIP),
                parse(CsvEncoding.class, p.getProperty("encoding"), CsvEncoding.AUTO),
                parse(CsvDelimiter.class, p.getProperty("delimiter"), CsvDelimiter.AUTO),
                p.getProperty("sheet", ""),
                NumberStyle.ofCode(p.getProperty("numberFormat", "auto")),
                DateStyle.ofCode(p.getProperty("dateFormat", "auto")),
                Boolean.parseBoolean(p.getProperty("createMissing", "false")));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, E fallback) {
        try {
            return name == null ? fallback : Enum.valueOf(type, name.strip());
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    /** Properties escaping without the \\uXXXX of non-Latin letters (the column is Unicode text). */
    private static String escape(String s, boolean key) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '=', ':', '#', '!' -> sb.append('\\').append(c);
                case ' ' -> sb.append(key || i == 0 ? "\\ " : " ");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

}
