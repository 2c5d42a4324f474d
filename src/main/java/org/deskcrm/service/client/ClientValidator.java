package org.deskcrm.service.client;

import org.deskcrm.model.client.Channel;
import org.deskcrm.model.client.ChannelKind;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.model.client.Contact;
import org.deskcrm.model.common.FieldError;
import org.deskcrm.model.common.Texts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Field-level checks of a client card. Field names are stable identifiers the card uses to show each
 * error next to its field: "name", "inn", "kpp", "website", "contacts[i].fullName", "channels[i]".
 */
public final class ClientValidator {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}$");
    private static final Pattern TELEGRAM = Pattern.compile("^@?[A-Za-z0-9_]{5,32}$");
    private static final Pattern WEBSITE = Pattern.compile("^(https?://)?[^\\s/]+\\.[^\\s/]{2,}(/\\S*)?$");

    private final PhoneNormalizer phones;

    public ClientValidator(PhoneNormalizer phones) {
        this.phones = phones;
    }

    public List<FieldError> validate(ClientCard card) {
        List<FieldError> errors = new ArrayList<>();
        Client c = card.client();
        if (c.kind() == null) {
            errors.add(FieldError.of("kind", "validation.required"));
        }
        if (Texts.isBlank(c.name())) {
            errors.add(FieldError.of("name", "validation.required"));
        } else if (c.name().strip().length() > 300) {
            errors.add(FieldError.of("name", "validation.tooLong", 300));
        }
        String inn = Texts.trimToNull(c.inn());
        if (inn != null) {
            if (!inn.matches("\\d+")) {
                errors.add(FieldError.of("inn", "validation.inn.digits"));
            } else if (c.kind() == ClientKind.COMPANY && inn.length() != 10 && inn.length() != 12) {
                errors.add(FieldError.of("inn", "validation.inn.companyLength"));
            } else if (c.kind() == ClientKind.PERSON && inn.length() != 12) {
                errors.add(FieldError.of("inn", "validation.inn.personLength"));
            } else if (!Requisites.isValidInn(inn)) {
                errors.add(FieldError.of("inn", "validation.inn.checksum"));
            }
        }
        String kpp = Texts.trimToNull(c.kpp());
        if (kpp != null) {
            if (c.kind() != ClientKind.COMPANY || (inn != null && inn.length() == 12)) {
                errors.add(FieldError.of("kpp", "validation.kpp.onlyOrganization"));
            } else if (!Requisites.isValidKpp(kpp)) {
                errors.add(FieldError.of("kpp", "validation.kpp.format"));
            }
        }
        String website = Texts.trimToNull(c.website());
        if (website != null && !WEBSITE.matcher(website).matches()) {
            errors.add(FieldError.of("website", "validation.website"));
        }
        List<Contact> contacts = card.contacts();
        for (int i = 0; i < contacts.size(); i++) {
            if (Texts.isBlank(contacts.get(i).fullName())) {
                errors.add(FieldError.of("contacts[" + i + "].fullName", "validation.required"));
            }
        }
        List<Channel> channels = card.channels();
        for (int i = 0; i < channels.size(); i++) {
            Channel ch = channels.get(i);
            String field = "channels[" + i + "]";
            if (Texts.isBlank(ch.raw())) {
                errors.add(FieldError.of(field, "validation.required"));
                continue;
            }
            if (ch.contactIndex() != null && (ch.contactIndex() < 0 || ch.contactIndex() >= contacts.size())) {
                errors.add(FieldError.of(field, "validation.channel.contact"));
            }
            switch (ch.kind()) {
                case PHONE, WHATSAPP -> {
                    if (phones.normalize(ch.raw()).isEmpty()) {
                        errors.add(FieldError.of(field, "validation.phone", ch.raw()));
                    }
                }
                case EMAIL -> {
                    if (!EMAIL.matcher(ch.raw().strip()).matches()) {
                        errors.add(FieldError.of(field, "validation.email", ch.raw()));
                    }
                }
                case TELEGRAM -> {
                    String v = ch.raw().strip();
                    if (!TELEGRAM.matcher(v).matches() && phones.normalize(v).isEmpty()) {
                        errors.add(FieldError.of(field, "validation.telegram", ch.raw()));
                    }
                }
                default -> throw new IllegalStateException("unknown channel kind " + ch.kind());
            }
        }
        return errors;
    }

    /** The normalized value stored with a valid channel: E.164, lower-case email, or the bare handle. */
    public String normalize(ChannelKind kind, String raw) {
        return switch (kind) {
            case PHONE, WHATSAPP -> phones.normalizeOrDigits(raw);
            case EMAIL -> Texts.lower(raw);
            case TELEGRAM -> {
                String v = raw.strip();
                yield phones.normalize(v).orElseGet(() -> Texts.lower(v.startsWith("@") ? v.substring(1) : v));
            }
        };
    }
}
