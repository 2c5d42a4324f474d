package org.deskcrm.service.call;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Asterisk's {@code Master.csv} (cdr_csv): no header; accountcode, src, dst, dcontext, clid, channel,
 * dstchannel, lastapp, lastdata, start, answer, end, duration, billsec, disposition, amaflags,
 * uniqueid[, userfield, ...]. Times are in the PBX's local time.
 */
final class AsteriskCdrParser {
    static final int MIN_FIELDS = 17;

    private AsteriskCdrParser() {
    }

    static ParsedFile parse(List<CsvText.CsvRecord> records, ZoneId zone) {
        ParsedFile out = new ParsedFile();
        for (CsvText.CsvRecord r : records) {
            if (r.fields().size() < MIN_FIELDS) {
                out.issues.add(ImportIssue.of(r.line(), "call.import.error.fieldCount", MIN_FIELDS, r.fields().size()));
                continue;
            }
            if ("start".equalsIgnoreCase(r.field(9).strip())) {
                continue; // a header someone added
            }
            Optional<Instant> start = CdrValues.instant(r.field(9), zone);
            if (start.isEmpty()) {
                out.issues.add(ImportIssue.of(r.line(), "call.import.error.date", r.field(9)));
                continue;
            }
            Optional<Integer> billsec = CdrValues.seconds(r.field(13));
            if (billsec.isEmpty()) {
                out.issues.add(ImportIssue.of(r.line(), "call.import.error.duration", r.field(13)));
                continue;
            }
            String disposition = r.field(14).strip();
            if (CdrValues.status(disposition).isEmpty()) {
                out.issues.add(ImportIssue.of(r.line(), "call.import.error.status", disposition));
                continue;
            }
            String src = r.field(1).strip();
            if (src.isEmpty()) {
                src = CdrValues.numberOfCallerId(r.field(4));
            }
            String uniqueId = r.field(16).strip();
            String key = uniqueId.isEmpty()
                    ? "ast:" + CdrValues.hash(r.fields().toArray(String[]::new))
                    : "ast:" + uniqueId + ":" + CdrValues.hash(r.field(2), r.field(6), r.field(9));
            out.records.add(new CdrRecord(r.line(), uniqueId, src, r.field(2).strip(), r.field(3).strip(),
                    r.field(5).strip(), r.field(6).strip(), start.get(), billsec.get(), disposition, null, null,
                    null, null, null, null, key));
        }
        return out;
    }
}
