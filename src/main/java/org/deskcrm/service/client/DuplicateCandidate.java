package org.deskcrm.service.client;

import org.deskcrm.model.client.ClientRow;

/** An existing client that looks like the one being saved, and why (a message key + the matching value). */
public record DuplicateCandidate(ClientRow client, String reasonKey, String matchedValue) {
}
