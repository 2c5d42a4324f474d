package org.deskcrm.service.imports;

import org.deskcrm.model.common.AppException;
import org.deskcrm.model.io.CsvDelimiter;
import org.deskcrm.model.io.CsvEncoding;
import org.deskcrm.model.io.ImportRow;
import org.deskcrm.model.io.ImportTable;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a CSV file as spreadsheets write it: UTF-8 (with or without BOM) or Windows-1251 (detected or
 * chosen), comma or semicolon (detected from the header line or chosen), RFC 4180 quoting (a quoted
 * field may hold separators, doubled quotes and line breaks). Unlike a lenient reader, a quote left
 * open or text after a closing quote rejects the file with the line where it happened: a broken
 * quote shifts every later column, and importing shifted data is worse than importing nothing.
 */
final class CsvSource {
    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    private static final int SNIFF = 64 * 1024;

    private CsvSource() {
    }

    static ImportTable read(byte[] bytes, CsvEncoding encoding, CsvDelimiter delimiter, int maxRows) {
        String text = decode(bytes, encoding);
        if (text.isBlank()) {
            throw new AppException("imports.error.empty");
        }
        char sep = delimiter == CsvDelimiter.AUTO ? detect(text) : delimiter.symbol();
        List<Record> records = parse(text, sep, maxRows);
        if (records.isEmpty()) {
            throw new AppException("imports.error.empty");
        }
        List<String> headers = Tables.headers(records.get(0).fields());
        List<ImportRow> rows = new ArrayList<>(records.size());
        for (int i = 1; i < records.size(); i++) {
            Record r = records.get(i);
            rows.add(new ImportRow(r.line(), r.fields(), Set.of()));
        }
        return new ImportTable(headers, rows);
    }

    /** The text of the file in the chosen encoding, or (AUTO) UTF-8 when valid, else Windows-1251. */
    static String decode(byte[] bytes, CsvEncoding encoding) {
        if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE
                || (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF)) {
            throw new AppException("imports.error.utf16");
        }
        if (looksBinary(bytes)) {
            throw new AppException("imports.error.binary");
        }
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF;
        int start = bom ? 3 : 0;
        if (encoding == CsvEncoding.WINDOWS_1251) {
            return new String(bytes, start, bytes.length - start, WINDOWS_1251);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            if (encoding == CsvEncoding.UTF_8) {
                throw new AppException("imports.error.notUtf8", e);
            }
            return new String(bytes, start, bytes.length - start, WINDOWS_1251);
        }
    }

    /** A NUL byte, or more than one control character in a hundred, in the first 64 KB: not text. */
    private static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, SNIFF);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\t' && b != '\r' && b != '\n' && b != '\f') {
                control++;
            }
        }
        return n > 0 && control * 100 > n;
    }

    /** The separator of the header line: semicolon when it has more semicolons than commas outside quotes. */
    static char detect(String text) {
        int comma = 0;
        int semicolon = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (ch == '\n' || ch == '\r') {
                    break;
                }
                comma += ch == ',' ? 1 : 0;
                semicolon += ch == ';' ? 1 : 0;
            }
        }
        return semicolon > comma ? ';' : ',';
    }

    /** One record of the file and the (1-based) line it starts on. */
    record Record(int line, List<String> fields) {
    }

    /** Every non-blank record; a broken quote rejects the file. */
    static List<Record> parse(String text, char sep, int maxRows) {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int line = 1;
        int startLine = 1;
        int quoteLine = 0;
        boolean quoted = false;
        boolean afterQuote = false;
        int n = text.length();
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        for (; i < n; i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    line += ch == '\n' ? 1 : 0;
                    cur.append(ch);
                }
            } else if (ch == sep) {
                fields.add(cur.toString());
                cur.setLength(0);
                afterQuote = false;
            } else if (ch == '\r' || ch == '\n') {
                if (ch == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(cur.toString());
                cur.setLength(0);
                afterQuote = false;
                if (fields.size() > 1 || !fields.get(0).isBlank()) {
                    records.add(new Record(startLine, List.copyOf(fields)));
                    if (records.size() > maxRows + 1) {
                        throw new AppException("imports.error.tooManyRows", maxRows);
                    }
                }
                fields.clear();
                line++;
                startLine = line;
            } else if (ch == '"' && cur.toString().isBlank() && !afterQuote) {
                quoted = true;
                quoteLine = line;
                cur.setLength(0);
            } else if (afterQuote) {
                if (!Character.isWhitespace(ch)) {
                    throw new AppException("imports.error.csv.afterQuote", line);
                }
            } else if (ch == '"') {
                throw new AppException("imports.error.csv.strayQuote", line);
            } else {
                cur.append(ch);
            }
        }
        if (quoted) {
            throw new AppException("imports.error.csv.unclosedQuote", quoteLine);
        }
        fields.add(cur.toString());
        if (fields.size() > 1 || !fields.get(0).isBlank()) {
            records.add(new Record(startLine, List.copyOf(fields)));
        }
        return records;
    }
}
