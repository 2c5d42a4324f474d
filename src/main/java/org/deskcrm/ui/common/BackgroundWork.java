package org.deskcrm.ui.common;

import org.deskcrm.service.common.Progress;

/** A unit of work that runs off the FX thread (DB, files, reports), reporting progress. */
@FunctionalInterface
public interface BackgroundWork<T> {
    T call(Progress progress) throws Exception;
}
