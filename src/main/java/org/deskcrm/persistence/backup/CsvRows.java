package org.deskcrm.persistence.backup;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV for backup tables, with one addition: an unquoted empty field is SQL NULL, a quoted
 * empty field ({@code ""}) is the empty string. Every non-null value is quoted, so text with commas,
 * quotes or line breaks survives unchanged.
 */
final class CsvRows {
    private CsvRows() {
    }

    static void write(Writer out, List<String> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            String v = values.get(i);
            if (v != null) {
                out.write('"');
                out.write(v.replace("\"", "\"\""));
                out.write('"');
            }
        }
        out.write('\n');
    }

    /** Reads one record (which may span lines inside quotes); null at the end of the input. */
    static List<String> read(Reader in) throws IOException {
        int c = in.read();
        if (c == -1) {
            return null;
        }
        List<String> values = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        while (true) {
            if (c == '"') {
                quoted = true;
                while (true) {
                    c = in.read();
                    if (c == -1) {
                        throw new IOException("Unterminated quoted value");
                    }
                    if (c == '"') {
                        c = in.read();
                        if (c != '"') {
                            break;
                        }
                    }
                    sb.append((char) c);
                }
            }
            if (c == ',' || c == '\n' || c == -1) {
                values.add(quoted ? sb.toString() : null);
                sb.setLength(0);
                quoted = false;
                if (c != ',') {
                    return values;
                }
                c = in.read();
            } else if (c == '\r') {
                c = in.read();
            } else {
                throw new IOException("Unexpected character in backup CSV: " + (char) c);
            }
        }
    }
}
