package org.deskcrm.service.call;

import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallStatus;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A call CSV with a header row, read through a {@link CallCsvMapping} (header name to field). */
final class MappedCsvParser {
    private MappedCsvParser() {
    }

    /** The header names of the file (its first record), for the mapping editor. */
    static List<String> headers(List<CsvText.CsvRecord> records) {
        return records.isEmpty() ? List.of() : records.get(0).fields().stream().map(String::strip).toList();
    }

    static ParsedFile parse(List<CsvText.CsvRecord> records, CallCsvMapping mapping, ZoneId zone) {
        ParsedFile out = new ParsedFile();
        if (records.isEmpty()) {
            return out;
        }
        Map<CallField, Integer> index = new EnumMap<>(CallField.class);
        List<String> headers = headers(records);
        for (Map.Entry<CallField, String> e : mapping.columns().entrySet()) {
            int i = indexOf(headers, e.getValue());
            if (i < 0) {
                out.issues.add(ImportIssue.of(records.get(0).line(), "call.import.error.column", e.getValue()));
            } else {
                index.put(e.getKey(), i);
            }
        }
        if (!mapping.has(CallField.START)) {
            out.issues.add(ImportIssue.of(records.get(0).line(), "call.import.error.mappingStart"));
        }
        boolean byNumber = mapping.has(CallField.NUMBER);
        if (!byNumber && !(mapping.has(CallField.SRC) && mapping.has(CallField.DST))) {
            out.issues.add(ImportIssue.of(records.get(0).line(), "call.import.error.mappingNumber"));
        }
        if (byNumber && !mapping.has(CallField.DIRECTION) && mapping.defaultDirection() == null) {
            out.issues.add(ImportIssue.of(records.get(0).line(), "call.import.error.mappingDirection"));
        }
        if (!out.issues.isEmpty()) {
            return out;
        }
        for (CsvText.CsvRecord r : records.subList(1, records.size())) {
            read(r, index, mapping, zone, out);
        }
        return out;
    }

    private static void read(CsvText.CsvRecord r, Map<CallField, Integer> index, CallCsvMapping mapping,
                             ZoneId zone, ParsedFile out) {
        String startRaw = get(r, index, CallField.START);
        Optional<Instant> start = CdrValues.instant(startRaw, zone);
        if (start.isEmpty()) {
            out.issues.add(ImportIssue.of(r.line(), "call.import.error.date", startRaw));
            return;
        }
        String durRaw = get(r, index, CallField.DURATION);
        Optional<Integer> duration = CdrValues.seconds(durRaw);
        if (duration.isEmpty()) {
            out.issues.add(ImportIssue.of(r.line(), "call.import.error.duration", durRaw));
            return;
        }
        CallDirection direction = mapping.defaultDirection();
        if (index.containsKey(CallField.DIRECTION)) {
            String dirRaw = get(r, index, CallField.DIRECTION);
            Optional<CallDirection> d = CdrValues.direction(dirRaw);
            if (d.isEmpty() && !(dirRaw.isBlank() && direction != null)) {
                out.issues.add(ImportIssue.of(r.line(), "call.import.error.direction", dirRaw));
                return;
            }
            direction = d.orElse(direction);
        }
        CallStatus status = null;
        String statusRaw = get(r, index, CallField.STATUS);
        if (index.containsKey(CallField.STATUS) && !statusRaw.isBlank()) {
            Optional<CallStatus> s = CdrValues.status(statusRaw);
            if (s.isEmpty()) {
                out.issues.add(ImportIssue.of(r.line(), "call.import.error.status", statusRaw));
                return;
            }
            status = s.get();
        }
        String number = get(r, index, CallField.NUMBER);
        String src = get(r, index, CallField.SRC);
        String dst = get(r, index, CallField.DST);
        if (number.isBlank() && src.isBlank() && dst.isBlank()) {
            out.issues.add(ImportIssue.of(r.line(), "call.import.error.noNumber"));
            return;
        }
        String id = get(r, index, CallField.ID);
        String key = id.isBlank()
                ? "csv:" + CdrValues.hash(start.get().toString(), number, src, dst,
                String.valueOf(direction), String.valueOf(status), String.valueOf(duration.get()))
                : "csv:" + id;
        out.records.add(new CdrRecord(r.line(), id, src, dst, "", "", "", start.get(), duration.get(),
                statusRaw, index.containsKey(CallField.NUMBER) ? direction : (index.containsKey(CallField.DIRECTION)
                ? direction : null), status, number.isBlank() ? null : number,
                blankToNull(get(r, index, CallField.EXTENSION)), blankToNull(get(r, index, CallField.RECORDING)),
                blankToNull(get(r, index, CallField.NOTE)), key));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String get(CsvText.CsvRecord r, Map<CallField, Integer> index, CallField f) {
        Integer i = index.get(f);
        return i == null ? "" : r.field(i).strip();
    }

    private static int indexOf(List<String> headers, String name) {
        String want = name.strip().toLowerCase(Locale.ROOT);
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).toLowerCase(Locale.ROOT).equals(want)) {
                return i;
            }
        }
        return -1;
    }
}
