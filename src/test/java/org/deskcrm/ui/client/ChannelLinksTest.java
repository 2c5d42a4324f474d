package org.deskcrm.ui.client;

import org.deskcrm.model.client.ChannelKind;
import org.deskcrm.service.client.PhoneNormalizer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deskcrm.ui.client.ChannelLinks.Action.CALL;
import static org.deskcrm.ui.client.ChannelLinks.Action.MAIL;
import static org.deskcrm.ui.client.ChannelLinks.Action.TELEGRAM;
import static org.deskcrm.ui.client.ChannelLinks.Action.WHATSAPP;

class ChannelLinksTest {
    final ChannelLinks links = new ChannelLinks(new PhoneNormalizer("RU"));

    @Test
    void phonesInAnyFormatBecomeE164Links() {
        assertThat(links.uri(CALL, "8 (912) 345-67-89")).contains("tel:+79123456789");
        assertThat(links.uri(CALL, "+49 30 1234567")).contains("tel:+49301234567");
        assertThat(links.uri(WHATSAPP, "+7 912 345 67 89")).contains("https://wa.me/79123456789");
        assertThat(links.uri(CALL, "12")).isEmpty();
        assertThat(links.uri(CALL, " ")).isEmpty();
    }

    @Test
    void telegramByNameOrPhoneAndMail() {
        assertThat(links.uri(TELEGRAM, "@olga_buh")).contains("https://t.me/olga_buh");
        assertThat(links.uri(TELEGRAM, "olga_buh")).contains("https://t.me/olga_buh");
        assertThat(links.uri(TELEGRAM, "8 912 345-67-89")).contains("https://t.me/+79123456789");
        assertThat(links.uri(MAIL, " ivan@vector.ru ")).contains("mailto:ivan@vector.ru");
        assertThat(links.uri(MAIL, "ivan+crm@vector.ru")).contains("mailto:ivan%2Bcrm@vector.ru");
        assertThat(links.uri(MAIL, "no-at-sign")).isEmpty();
    }

    @Test
    void actionsPerKind() {
        assertThat(ChannelLinks.actions(ChannelKind.PHONE)).containsExactly(CALL, WHATSAPP);
        assertThat(ChannelLinks.actions(ChannelKind.EMAIL)).containsExactly(MAIL);
        assertThat(ChannelLinks.actions(ChannelKind.TELEGRAM)).containsExactly(TELEGRAM);
        assertThat(ChannelLinks.actions(ChannelKind.WHATSAPP)).containsExactly(WHATSAPP);
    }
}
