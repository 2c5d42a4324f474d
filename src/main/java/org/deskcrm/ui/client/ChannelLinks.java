package org.deskcrm.ui.client;

import org.deskcrm.model.client.ChannelKind;
import org.deskcrm.model.common.Texts;
import org.deskcrm.service.client.PhoneNormalizer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The link that one click on a channel opens: a call, a WhatsApp or Telegram chat, or an email. */
public final class ChannelLinks {
    /** What a channel button does. */
    public enum Action {
        CALL, WHATSAPP, TELEGRAM, MAIL
    }

    private final PhoneNormalizer phones;

    public ChannelLinks(PhoneNormalizer phones) {
        this.phones = phones;
    }

    /** The actions offered for a channel of this kind (a phone can also be written to on WhatsApp). */
    public static java.util.List<Action> actions(ChannelKind kind) {
        return switch (kind) {
            case PHONE -> java.util.List.of(Action.CALL, Action.WHATSAPP);
            case WHATSAPP -> java.util.List.of(Action.WHATSAPP);
            case TELEGRAM -> java.util.List.of(Action.TELEGRAM);
            case EMAIL -> java.util.List.of(Action.MAIL);
        };
    }

    /** The URI for the action, or empty when the value cannot make one (an unparsable number...). */
    public Optional<String> uri(Action action, String raw) {
        if (Texts.isBlank(raw)) {
            return Optional.empty();
        }
        String value = raw.strip();
        return switch (action) {
            case CALL -> phones.normalize(value).map(e164 -> "tel:" + e164);
            case WHATSAPP -> phones.normalize(value).map(e164 -> "https://wa.me/" + e164.substring(1));
            case TELEGRAM -> telegram(value);
            case MAIL -> value.contains("@")
                    ? Optional.of("mailto:" + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%40", "@"))
                    : Optional.empty();
        };
    }

    private Optional<String> telegram(String value) {
        String handle = value.startsWith("@") ? value.substring(1) : value;
        if (handle.matches("[A-Za-z0-9_]{5,32}")) {
            return Optional.of("https://t.me/" + handle);
        }
        return phones.normalize(value).map(e164 -> "https://t.me/" + e164);
    }
}
