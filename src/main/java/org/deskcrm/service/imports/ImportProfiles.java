package org.deskcrm.service.imports;

import org.deskcrm.model.common.AppException;
import org.deskcrm.model.io.ImportProfile;
import org.deskcrm.model.io.ImportTarget;
import org.deskcrm.persistence.imports.ImportProfileRepository;

import org.deskcrm.model.io.ImportSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Named import profiles per target, saved in the database and shared by the window and the command line,
 * and the ready-made profiles shipped in the jar ({@link ShippedProfiles}): a saved profile of the same
 * name wins over a shipped one (a user who adapted a shipped profile keeps the adaptation).
 */
public class ImportProfiles {
    private final ImportProfileRepository repo;
    private final Clock clock;

    public ImportProfiles(ImportProfileRepository repo, Clock clock) {
        this.repo = repo;
        this.clock = clock;
    }

    /** The saved profiles of the target, then the shipped ones for it that no saved profile's name hides. */
    public List<ImportProfile> list(ImportTarget target) {
        List<ImportProfile> all = new java.util.ArrayList<>(repo.byEntity(target.code()).stream()
                .map(s -> profile(target, s)).toList());
        for (String name : ShippedProfiles.NAMES) {
            if (all.stream().noneMatch(p -> p.name().equalsIgnoreCase(name))) {
                shipped(target, name).ifPresent(all::add);
            }
        }
        return all;
    }

    /** The saved profile of that name, else the shipped profile of that name for the target. */
    public Optional<ImportProfile> find(ImportTarget target, String name) {
        if (name == null) {
            return Optional.empty();
        }
        Optional<ImportProfile> saved = repo.find(target.code(), name.strip()).map(s -> profile(target, s));
        return saved.isPresent() ? saved : shipped(target, name);
    }

    /** The shipped profile of that name when it is one for the target (no id: saving it stores a copy). */
    private static Optional<ImportProfile> shipped(ImportTarget target, String name) {
        return ShippedProfiles.text(name).filter(text -> target.code().equals(ProfileCodec.target(text)))
                .map(text -> new ImportProfile(null, name.strip().toLowerCase(java.util.Locale.ROOT), target,
                        ProfileCodec.decode(text), 0));
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

    /**
     * A profile file (docs/import.md, "Profiles"): its settings as a profile named after the file, for
     * the target the file names (or {@code fallback} when it names none); a file for another target is
     * refused.
     */
    public ImportProfile readFile(Path file, ImportTarget fallback) {
        String text;
        try {
            if (Files.size(file) > ProfileCodec.MAX_CHARS * 4L) {
                throw new AppException("imports.error.profileTooBig", ProfileCodec.MAX_CHARS);
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new AppException("imports.error.read", e, String.valueOf(file.getFileName()));
        }
        String code = ProfileCodec.target(text);
        ImportTarget target = code == null || code.isBlank() ? fallback : ImportTarget.ofCode(code);
        if (target == null || fallback != null && target != fallback) {
            throw new AppException("imports.error.profileTarget", String.valueOf(file.getFileName()), code);
        }
        String name = file.getFileName().toString().replaceFirst("\\.properties$", "");
        return new ImportProfile(null, name, target, ProfileCodec.decode(text), 0);
    }

    /** Writes the settings as a profile file for the target (UTF-8, sorted lines). */
    public void writeFile(Path file, ImportTarget target, ImportSettings settings) {
        try {
            Files.writeString(file, "# DeskCRM import profile (docs/import.md, \"Profiles\")\n"
                    + ProfileCodec.encode(settings, target.code()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AppException("imports.error.report", e, String.valueOf(file.getFileName()));
        }
    }

    /**
     * A saved profile by name, a shipped profile by name ({@code --profile amocrm-deals}), or a profile
     * file when {@code nameOrFile} is the path of a .properties file.
     */
    public ImportProfile resolve(ImportTarget target, String nameOrFile) {
        Path path = nameOrFile.endsWith(".properties") ? Path.of(nameOrFile) : null;
        return path != null && Files.isRegularFile(path) ? readFile(path, target) : require(target, nameOrFile);
    }

    private static ImportProfile profile(ImportTarget target, ImportProfileRepository.Stored s) {
        return new ImportProfile(s.id(), s.name(), target, ProfileCodec.decode(s.settings()), s.version());
    }
}
