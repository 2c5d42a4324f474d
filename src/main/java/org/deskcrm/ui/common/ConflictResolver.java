package org.deskcrm.ui.common;

import java.util.List;
import java.util.Optional;

/**
 * Shows both versions of a record after a conflicting save, field by field, and returns the user's
 * choice; empty when the dialog was closed without one (what was typed stays in the form).
 */
public interface ConflictResolver {
    Optional<ConflictResolution> resolve(String title, String message, List<ConflictField> fields);
}
