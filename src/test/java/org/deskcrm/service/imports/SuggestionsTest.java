package org.deskcrm.service.imports;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Closest-name suggestions, derived logins and the company-name key, on values worked out by hand. */
class SuggestionsTest {
    @Test
    void namesEqualBarCaseSpacesAndPunctuationComeFirstThenSmallEdits() {
        List<String> catalogue = List.of("GTX Basic", "GTX Pro", "GTX Plus Pro", "MG Special", "MG Advanced");
        assertThat(Suggestions.closest("GTXPro", catalogue)).containsExactly("GTX Pro");
        assertThat(Suggestions.closest("gtx-pro", catalogue)).containsExactly("GTX Pro");
        assertThat(Suggestions.closest("MG Specal", catalogue)).containsExactly("MG Special"); // one letter dropped
        assertThat(Suggestions.closest("Something else", catalogue)).isEmpty();
        assertThat(Suggestions.closest("Иван Петров", List.of("Иван Петрова", "Ivan Petrov"))).containsExactly("Иван Петрова");
    }

    @Test
    void editDistanceStopsAtTheLimit() {
        assertThat(Suggestions.distance("kitten", "sitting", 5)).isEqualTo(3);
        assertThat(Suggestions.distance("kitten", "sitting", 1)).isEqualTo(2);
    }

    @Test
    void loginsAreTransliteratedDottedAndMadeUnique() {
        Set<String> taken = new HashSet<>(Set.of("anna.petrova"));
        assertThat(Logins.derive("Анна Петрова", taken)).isEqualTo("anna.petrova2");
        assertThat(Logins.derive("Анна  Петрова", taken)).isEqualTo("anna.petrova3");
        assertThat(Logins.derive("Щукин Юрий Ёжиков", taken)).isEqualTo("shchukin.iurii.ezhikov");
        assertThat(Logins.derive("José Núñez-García", taken)).isEqualTo("jose.nunez.garcia");
        assertThat(Logins.derive("Хачатурян Цой", taken)).isEqualTo("khachaturian.tsoi");
        assertThat(Logins.derive("!!!", taken)).isEqualTo("user");
    }

    @Test
    void companyNamesIgnoreLegalFormCasePunctuationAndSpaces() {
        assertThat(ClientNames.key("ООО «Ромашка»")).isEqualTo(ClientNames.key("Ромашка, ооо")).isEqualTo("ромашка");
        assertThat(ClientNames.key("Acme, Inc.")).isEqualTo(ClientNames.key("ACME Corp")).isEqualTo("acme");
        assertThat(ClientNames.key("Co-op Bank")).isEqualTo("coopbank");
        assertThat(ClientNames.key("LLC")).isEqualTo("llc");
        ClientNames.Identity oslo = new ClientNames.Identity("Nord", null, "Oslo", "https://www.nord.no/", null);
        assertThat(ClientNames.sameCompany(oslo, new ClientNames.Identity("Nord", null, "oslo", "nord.no", null))).isTrue();
        assertThat(ClientNames.sameCompany(oslo, new ClientNames.Identity("Nord", null, null, null, null))).isTrue();
        assertThat(ClientNames.sameCompany(oslo, new ClientNames.Identity("Nord", null, "Bergen", null, null))).isFalse();
        assertThat(ClientNames.sameCompany(oslo, new ClientNames.Identity("Nord", null, null, "nord.com", null))).isFalse();
    }
}
