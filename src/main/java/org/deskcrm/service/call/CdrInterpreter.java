package org.deskcrm.service.call;

import org.deskcrm.model.call.Call;
import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallStatus;
import org.deskcrm.service.client.PhoneNormalizer;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a call-detail row into a call of the log: which end is ours (an internal extension matches
 * {@code internalPattern}, by default 2 to 5 digits), hence the direction, the external number and
 * the manager (the user whose {@code phone} is that extension); an unanswered incoming call is MISSED;
 * the duration is the talk time.
 */
final class CdrInterpreter {
    static final String DEFAULT_INTERNAL_PATTERN = "\\d{2,5}";
    static final String WITHHELD = "anonymous";

    private final PhoneNormalizer phones;
    private final Pattern internalPattern;
    private final Map<String, Long> usersByExtension;

    CdrInterpreter(PhoneNormalizer phones, Pattern internalPattern, Map<String, Long> usersByExtension) {
        this.phones = phones;
        this.internalPattern = internalPattern;
        this.usersByExtension = usersByExtension;
    }

    boolean isInternal(String number) {
        return number != null && !number.isBlank() && internalPattern.matcher(number.strip()).matches();
    }

    /** The call, or an issue when the row has no external number. */
    Result interpret(CdrRecord r) {
        CallDirection dir;
        String number;
        String ext;
        if (r.number() != null) {
            dir = r.direction();
            number = r.number();
            ext = r.extension();
        } else {
            boolean srcInt = isInternal(r.src());
            boolean dstInt = isInternal(r.dst());
            if (r.direction() != null) {
                dir = r.direction();
            } else if (srcInt && dstInt) {
                dir = CallDirection.INTERNAL;
            } else if (srcInt) {
                dir = CallDirection.OUT;
            } else if (dstInt) {
                dir = CallDirection.IN;
            } else {
                dir = contextHint(r.context()).orElse(CallDirection.IN);
            }
            if (dir == CallDirection.IN) {
                number = r.src();
                ext = dstInt ? r.dst() : CdrValues.peerOfChannel(r.dstChannel());
            } else {
                number = r.dst();
                ext = srcInt ? r.src() : CdrValues.peerOfChannel(r.channel());
            }
            if (r.extension() != null) {
                ext = r.extension();
            }
        }
        if (number == null || number.isBlank()) {
            if (r.number() != null) {
                return new Result(null, ImportIssue.of(r.line(), "call.import.error.noNumber"));
            }
            number = WITHHELD; // a caller who hid the number: logged, but nobody can call it back
        }
        CallStatus status = r.status() != null ? r.status() : CdrValues.status(r.disposition()).orElse(null);
        if (status == null) {
            status = r.billSec() > 0 ? CallStatus.ANSWERED : CallStatus.NO_ANSWER;
        }
        if (dir == CallDirection.IN && status != CallStatus.ANSWERED) {
            status = CallStatus.MISSED;
        } else if (dir != CallDirection.IN && status == CallStatus.MISSED) {
            status = CallStatus.NO_ANSWER;
        }
        int duration = status == CallStatus.ANSWERED ? r.billSec() : 0;
        String raw = number.strip();
        String norm = dir == CallDirection.INTERNAL ? raw.replaceAll("\\D", "") : phones.normalizeOrDigits(raw);
        Long userId = ext == null ? null : usersByExtension.get(ext.replaceAll("\\D", ""));
        Call call = new Call(null, dir, status, r.start(), duration, truncate(raw, 100), truncate(norm, 32), null,
                null, userId, r.note(), r.recording(), truncate(r.rowKey(), 200));
        return new Result(call, null);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    static Optional<CallDirection> contextHint(String context) {
        String c = context == null ? "" : context.toLowerCase(Locale.ROOT);
        if (c.contains("from-trunk") || c.contains("from-pstn") || c.contains("from-external")
                || c.contains("incoming") || c.contains("inbound") || c.contains("did")) {
            return Optional.of(CallDirection.IN);
        }
        if (c.contains("from-internal") || c.contains("outbound") || c.contains("outgoing")) {
            return Optional.of(CallDirection.OUT);
        }
        return Optional.empty();
    }

    /** A call, or why the row gave none. */
    record Result(Call call, ImportIssue issue) {
    }
}
