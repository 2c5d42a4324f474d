package org.deskcrm.model.client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A client card's own fields. {@code id == null} for a client not yet saved; {@code version} is the
 * optimistic-lock version read with it. Lifecycle fields are computed by the service, never typed.
 */
public record Client(
        Long id,
        ClientKind kind,
        String name,
        String legalName,
        String inn,
        String kpp,
        String address,
        String region,
        String industry,
        String website,
        Long sourceId,
        Long ownerId,
        String notes,
        boolean archived,
        LifecycleStatus lifecycle,
        int purchaseCount,
        LocalDate lastPurchaseOn,
        Instant createdAt,
        List<String> tags,
        long version) {

    public Client {
        tags = tags == null ? List.of() : List.copyOf(tags);
        lifecycle = lifecycle == null ? LifecycleStatus.POTENTIAL : lifecycle;
    }

    /** A new, unsaved client with just a kind and a name. */
    public static Client draft(ClientKind kind, String name) {
        return new Client(null, kind, name, null, null, null, null, null, null, null, null, null, null,
                false, LifecycleStatus.POTENTIAL, 0, null, null, List.of(), 0);
    }

    public Client withId(long newId, long newVersion) {
        return new Client(newId, kind, name, legalName, inn, kpp, address, region, industry, website, sourceId,
                ownerId, notes, archived, lifecycle, purchaseCount, lastPurchaseOn, createdAt, tags, newVersion);
    }

    public Client withOwner(Long owner) {
        return new Client(id, kind, name, legalName, inn, kpp, address, region, industry, website, sourceId,
                owner, notes, archived, lifecycle, purchaseCount, lastPurchaseOn, createdAt, tags, version);
    }

    public Client withRequisites(String newLegalName, String newInn, String newKpp) {
        return new Client(id, kind, name, newLegalName, newInn, newKpp, address, region, industry, website, sourceId,
                ownerId, notes, archived, lifecycle, purchaseCount, lastPurchaseOn, createdAt, tags, version);
    }

    public Client withName(String newName) {
        return new Client(id, kind, newName, legalName, inn, kpp, address, region, industry, website, sourceId,
                ownerId, notes, archived, lifecycle, purchaseCount, lastPurchaseOn, createdAt, tags, version);
    }

    public Client withDetails(String newAddress, String newRegion, String newIndustry, String newWebsite,
                              Long newSourceId, String newNotes, List<String> newTags) {
        return new Client(id, kind, name, legalName, inn, kpp, newAddress, newRegion, newIndustry, newWebsite,
                newSourceId, ownerId, newNotes, archived, lifecycle, purchaseCount, lastPurchaseOn, createdAt,
                newTags, version);
    }

    public Client withArchived(boolean value) {
        return new Client(id, kind, name, legalName, inn, kpp, address, region, industry, website, sourceId,
                ownerId, notes, value, lifecycle, purchaseCount, lastPurchaseOn, createdAt, tags, version);
    }
}
