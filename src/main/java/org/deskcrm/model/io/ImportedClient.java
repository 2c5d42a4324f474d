package org.deskcrm.model.io;

import org.deskcrm.model.client.ClientKind;

/**
 * A client read from a file, checked and with its references resolved: every text trimmed (null when
 * empty), the phone in E.164 and the email in lower case next to what the file said; {@code externalId}
 * is the source system's key (a re-import finds the card by it).
 */
public record ImportedClient(ClientKind kind, String name, String legalName, String inn, String kpp, String address,
                             String region, String industry, String website, Long sourceId, Long ownerId,
                             String notes, String phoneRaw, String phoneNorm, String emailRaw, String emailNorm,
                             String externalId) {
}
