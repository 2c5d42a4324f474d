package org.deskcrm.service.imports;

import org.deskcrm.model.io.ImportedProduct;
import org.deskcrm.model.io.ImportedUser;
import org.deskcrm.model.io.RefKind;
import org.deskcrm.persistence.imports.ReferenceWriteRepository;

import java.util.Set;

/**
 * Creates the names an import was asked to create: a person (a manager with a login derived from the
 * name and no password), a team, a product (name only, price 0) or a lead source.
 */
final class MissingNames implements References.Creator {
    private final ReferenceWriteRepository repo;
    private Set<String> logins;

    MissingNames(ReferenceWriteRepository repo) {
        this.repo = repo;
    }

    @Override
    public long create(RefKind kind, String name) {
        return switch (kind) {
            case OWNER -> {
                if (logins == null) {
                    logins = repo.logins();
                }
                yield repo.insertUser(new ImportedUser(name, Logins.derive(name, logins), null, null, null, null, null));
            }
            case TEAM -> repo.insertTeam(name, null);
            case PRODUCT -> repo.insertProduct(new ImportedProduct(name, null, null, null, null));
            case SOURCE -> repo.insertSource(name);
            default -> throw new IllegalArgumentException("an import does not create " + kind);
        };
    }
}
