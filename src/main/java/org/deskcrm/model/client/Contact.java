package org.deskcrm.model.client;

/** A contact person of a company client. */
public record Contact(Long id, Long clientId, String fullName, String jobTitle, String notes, boolean primary,
                      long version) {

    public static Contact draft(String fullName, String jobTitle, boolean primary) {
        return new Contact(null, null, fullName, jobTitle, null, primary, 0);
    }
}
