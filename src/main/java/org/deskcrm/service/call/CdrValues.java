package org.deskcrm.service.call;

import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallStatus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reading the values of call-detail files: timestamps, durations, directions, dispositions, keys. */
final class CdrValues {
    private static final List<DateTimeFormatter> LOCAL_FORMATS = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss"),
            DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm"),
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss"));

    private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("\\d{1,9}");
    private static final java.util.regex.Pattern CLOCK = java.util.regex.Pattern.compile("\\d{1,6}(:\\d{1,2}){1,2}");

    private CdrValues() {
    }

    /** A timestamp with an offset, or a local one read in {@code zone}; empty when unreadable. */
    static Optional<Instant> instant(String raw, ZoneId zone) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        if (s.indexOf('T') > 0 && (s.endsWith("Z") || s.lastIndexOf('+') > 10 || s.lastIndexOf('-') > 10)) {
            try {
                return Optional.of(OffsetDateTime.parse(s).toInstant());
            } catch (DateTimeParseException ignored) {
                // not ISO with an offset: try the local forms
            }
        }
        if (s.length() > 19 && s.charAt(19) == '.') {
            s = s.substring(0, 19); // fractions of a second
        }
        for (DateTimeFormatter f : LOCAL_FORMATS) {
            try {
                return Optional.of(LocalDateTime.parse(s, f).atZone(zone).toInstant());
            } catch (DateTimeParseException ignored) {
                // next format
            }
        }
        return Optional.empty();
    }

    /** Seconds as "75", "1:15" or "0:01:15"; empty when unreadable or negative. */
    static Optional<Integer> seconds(String raw) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            return Optional.of(0);
        }
        if (DIGITS.matcher(s).matches()) {
            return Optional.of(Integer.parseInt(s));
        }
        if (CLOCK.matcher(s).matches()) {
            int total = 0;
            for (String part : s.split(":")) {
                total = total * 60 + Integer.parseInt(part);
            }
            return Optional.of(total);
        }
        return Optional.empty();
    }

    static Optional<CallDirection> direction(String raw) {
        String s = norm(raw);
        return switch (s) {
            case "in", "incoming", "inbound", "входящий", "входящие", "вход" -> Optional.of(CallDirection.IN);
            case "out", "outgoing", "outbound", "исходящий", "исходящие", "исх" -> Optional.of(CallDirection.OUT);
            case "internal", "local", "внутренний", "внутренние" -> Optional.of(CallDirection.INTERNAL);
            default -> Optional.empty();
        };
    }

    /**
     * A PBX disposition or a status word: ANSWERED, NO ANSWER, BUSY, FAILED, CONGESTION, missed...
     * NO_ANSWER stands for "nobody picked up" whatever the direction; the interpreter turns an
     * unanswered incoming call into MISSED.
     */
    static Optional<CallStatus> status(String raw) {
        String s = norm(raw).replace('_', ' ');
        return switch (s) {
            case "answered", "answer", "отвечен", "принят", "успешный" -> Optional.of(CallStatus.ANSWERED);
            case "no answer", "noanswer", "не отвечен", "без ответа" -> Optional.of(CallStatus.NO_ANSWER);
            case "missed", "пропущен", "пропущенный" -> Optional.of(CallStatus.MISSED);
            case "busy", "занято", "занят" -> Optional.of(CallStatus.BUSY);
            case "failed", "congestion", "ошибка", "cancel", "chanunavail" -> Optional.of(CallStatus.FAILED);
            default -> Optional.empty();
        };
    }

    private static String norm(String raw) {
        return raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT).replace('ё', 'е');
    }

    /** The first 16 hex digits of SHA-256 over the parts joined by a unit separator. */
    static String hash(String... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] d = md.digest(String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The number inside a caller id such as {@code "Ivan" <89161234567>}. */
    static String numberOfCallerId(String clid) {
        if (clid == null) {
            return "";
        }
        int lt = clid.lastIndexOf('<');
        int gt = clid.lastIndexOf('>');
        return lt >= 0 && gt > lt ? clid.substring(lt + 1, gt).strip() : "";
    }

    /** The peer of a channel name: "SIP/101-0000002a" and "PJSIP/101-00000001" give "101". */
    static String peerOfChannel(String channel) {
        if (channel == null) {
            return "";
        }
        int slash = channel.indexOf('/');
        if (slash < 0) {
            return "";
        }
        String rest = channel.substring(slash + 1);
        int dash = rest.lastIndexOf('-');
        String peer = dash > 0 ? rest.substring(0, dash) : rest;
        int at = peer.indexOf('@');
        return at > 0 ? peer.substring(0, at) : peer;
    }
}
