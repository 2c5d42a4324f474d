package org.deskcrm.service.imports;

import org.deskcrm.model.common.AppException;
import org.deskcrm.model.io.ImportProfile;
import org.deskcrm.model.io.ImportTarget;
import org.deskcrm.persistence.ImportProfileRepository;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Named import profiles per target, saved in the database and shared by the window and the command line. */
public class ImportProfiles {
    private final ImportProfileRepository repo;
    private final Clock clock;

    public ImportProfiles(ImportProfileRepository repo, Clock clock) {
        this.repo = repo;
        this.clock = clock;
    }

    public List<ImportProfile> list(ImportTarget target) {
        return repo.byEntity(target.code()).stream().map(s -> profile(target, s)).toList();
    }

    public Optional<ImportProfile> find(ImportTarget target, String name) {
        return name == null ? Optional.empty() : repo.find(target.code(), name.strip()).map(s -> profile(target, s));
    }

    /** The profile or a localized error naming it. */
    public ImportProfile require(ImportTarget target, String name) {
        return find(target, name).orElseThrow(() -> new AppException("imports.error.noProfile", name, target.code()));
    }

    /**
     * Saves under the profile's name (creating it or replacing the settings of the profile of that
     * name; an id means "the version I read", so a concurrent change is refused).
     */
    public ImportProfile save(ImportProfile p, Long userId) {
        String name = p.name() == null ? "" : p.name().strip();
        if (name.isEmpty()) {
            throw new AppException("imports.error.profileName");
        }
        if (name.length() > 200) {
            throw new AppException("imports.error.profileNameLong", 200);
        }
        ImportProfileRepository.Stored s = repo.save(p.target().code(), name, ProfileCodec.encode(p.settings()),
                p.id() == null ? null : p.version(), userId, clock.instant());
        return profile(p.target(), s);
    }

    public void delete(ImportProfile p) {
        if (p.id() != null) {
            repo.delete(p.id());
        }
    }

    private static ImportProfile profile(ImportTarget target, ImportProfileRepository.Stored s) {
        return new ImportProfile(s.id(), s.name(), target, ProfileCodec.decode(s.settings()), s.version());
    }
}
