package org.deskcrm.service.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One generated client while its records are being made: who owns it, when it was active, its
 * contacts and phones, and what its deals and calls added up to (purchases, last contact), from which
 * the client row's computed fields are filled at the end.
 */
final class ClientDraft {
    final long id;
    final boolean person;
    final Vocabulary vocab;
    final DemoWorld.Manager owner;
    final long sourceId;
    final int sourceIndex;
    final Instant createdAt;
    final Instant activeUntil;
    String name;
    final List<Long> contactIds = new ArrayList<>();
    final List<String> phones = new ArrayList<>();
    final List<Long> phoneContacts = new ArrayList<>();
    boolean hasEmail;
    boolean hasMessenger;

    int purchases;
    LocalDate firstPurchase;
    LocalDate lastPurchase;
    Instant lastContact;

    ClientDraft(long id, boolean person, Vocabulary vocab, DemoWorld.Manager owner, long sourceId, int sourceIndex,
                Instant createdAt, Instant activeUntil) {
        this.id = id;
        this.person = person;
        this.vocab = vocab;
        this.owner = owner;
        this.sourceId = sourceId;
        this.sourceIndex = sourceIndex;
        this.createdAt = createdAt;
        this.activeUntil = activeUntil;
    }

    Long primaryContact() {
        return contactIds.isEmpty() ? null : contactIds.get(0);
    }

    void purchase(LocalDate day) {
        purchases++;
        if (firstPurchase == null || day.isBefore(firstPurchase)) {
            firstPurchase = day;
        }
        if (lastPurchase == null || day.isAfter(lastPurchase)) {
            lastPurchase = day;
        }
    }

    void contacted(Instant at) {
        if (lastContact == null || at.isAfter(lastContact)) {
            lastContact = at;
        }
    }
}
