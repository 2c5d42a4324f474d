package org.deskcrm.persistence.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The first entry of a backup file ({@code manifest.properties}): format, schema version, source
 * database, time, and per table its columns with their kinds, its row count and its highest id.
 */
public record BackupManifest(int format, String schemaVersion, String vendor, Instant createdAt,
                             List<Table> tables) {
    public static final int FORMAT = 1;
    static final String ENTRY = "manifest.properties";

    /** One table of the backup. */
    public record Table(String name, List<String> columns, List<ValueKind> kinds, long rows, long maxId) {
    }

    public long totalRows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }

    public Map<String, Long> rowCounts() {
        Map<String, Long> m = new LinkedHashMap<>();
        tables.forEach(t -> m.put(t.name(), t.rows()));
        return m;
    }

    void write(OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write("format=" + format + "\n");
        w.write("schemaVersion=" + schemaVersion + "\n");
        w.write("vendor=" + vendor + "\n");
        w.write("createdAt=" + createdAt + "\n");
        w.write("tables=" + String.join(",", tables.stream().map(Table::name).toList()) + "\n");
        for (Table t : tables) {
            List<String> cols = new ArrayList<>();
            for (int i = 0; i < t.columns().size(); i++) {
                cols.add(t.columns().get(i) + ":" + t.kinds().get(i));
            }
            w.write("table." + t.name() + ".columns=" + String.join(",", cols) + "\n");
            w.write("table." + t.name() + ".rows=" + t.rows() + "\n");
            w.write("table." + t.name() + ".maxId=" + t.maxId() + "\n");
        }
        w.flush();
    }

    static BackupManifest read(InputStream in) throws IOException {
        Properties p = new Properties();
        p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        String format = p.getProperty("format");
        String tableList = p.getProperty("tables");
        if (format == null || tableList == null) {
            throw new IOException("not a DeskCRM backup manifest");
        }
        List<Table> tables = new ArrayList<>();
        for (String name : tableList.isEmpty() ? new String[0] : tableList.split(",")) {
            List<String> cols = new ArrayList<>();
            List<ValueKind> kinds = new ArrayList<>();
            for (String c : p.getProperty("table." + name + ".columns", "").split(",")) {
                int colon = c.lastIndexOf(':');
                cols.add(c.substring(0, colon));
                kinds.add(ValueKind.valueOf(c.substring(colon + 1)));
            }
            tables.add(new Table(name, cols, kinds, Long.parseLong(p.getProperty("table." + name + ".rows", "0")),
                    Long.parseLong(p.getProperty("table." + name + ".maxId", "0"))));
        }
        try {
            return new BackupManifest(Integer.parseInt(format), p.getProperty("schemaVersion", ""),
                    p.getProperty("vendor", ""), Instant.parse(p.getProperty("createdAt")), tables);
        } catch (RuntimeException e) {
            throw new IOException("damaged backup manifest", e);
        }
    }
}
