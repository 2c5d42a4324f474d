package org.deskcrm.service.call;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading a CSV file as PBXes and spreadsheets write it: UTF-8 (with or without BOM) or
 * Windows-1251, comma, semicolon or tab separated, RFC 4180 quoting (quoted fields may hold the
 * separator, doubled quotes and line breaks). Each record keeps the line number it started on.
 */
public final class CsvText {
    /** One record of the file and the (1-based) line it starts on. */
    public record CsvRecord(int line, List<String> fields) {
        public String field(int i) {
            return i < fields.size() ? fields.get(i) : "";
        }
    }

    private CsvText() {
    }

    /** The text of the file: UTF-8 when the bytes are valid UTF-8, Windows-1251 otherwise. */
    public static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        ByteBuffer buf = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(buf).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, start, bytes.length - start, Charset.forName("windows-1251"));
        }
    }

    /** The separator of the first line: the most frequent of ',', ';' and tab outside quotes. */
    public static char detectSeparator(String text) {
        int comma = 0;
        int semicolon = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (ch == '\n' || ch == '\r') {
                    break;
                }
                if (ch == ',') {
                    comma++;
                } else if (ch == ';') {
                    semicolon++;
                } else if (ch == '\t') {
                    tab++;
                }
            }
        }
        if (tab > comma && tab > semicolon) {
            return '\t';
        }
        return semicolon > comma ? ';' : ',';
    }

    /** Every non-blank record of the text. */
    public static List<CsvRecord> parse(String input, char separator) {
        String text = input.endsWith("\n") || input.endsWith("\r") ? input : input + "\n";
        List<CsvRecord> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int line = 1;
        int startLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    line += ch == '\n' ? 1 : 0;
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
                any = true;
            } else if (ch == separator) {
                fields.add(cur.toString());
                cur.setLength(0);
                any = true;
            } else if (ch == '\r' || ch == '\n') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(cur.toString());
                cur.setLength(0);
                if (any) {
                    records.add(new CsvRecord(startLine, List.copyOf(fields)));
                }
                fields.clear();
                any = false;
                line++;
                startLine = line;
            } else {
                cur.append(ch);
                any |= !Character.isWhitespace(ch);
            }
        }
        if (quoted) { // an unclosed quote: keep what was read, the row will not parse
            fields.add(cur.toString());
            records.add(new CsvRecord(startLine, List.copyOf(fields)));
        }
        return records;
    }
}
