package org.deskcrm.model.io;

/** A contact person read from a file, of an existing client, with its phone and email normalized. */
public record ImportedContact(long clientId, String fullName, String jobTitle, String phoneRaw, String phoneNorm,
                              String emailRaw, String emailNorm, boolean primary, String notes) {
}
