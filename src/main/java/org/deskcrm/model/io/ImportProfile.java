package org.deskcrm.model.io;

/** A named, saved import setup for one target; {@code id == null} until saved. */
public record ImportProfile(Long id, String name, ImportTarget target, ImportSettings settings, long version) {
    public ImportProfile withSettings(ImportSettings s) {
        return new ImportProfile(id, name, target, s, version);
    }
}
