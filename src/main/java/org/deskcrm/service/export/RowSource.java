package org.deskcrm.service.export;

import java.util.function.Consumer;

/**
 * The rows of an exported list, handed over one at a time (from a database cursor or keyset pages,
 * never the whole list in memory). The sink may throw to stop early (cancellation); the source then
 * releases what it holds and lets the exception through.
 */
@FunctionalInterface
public interface RowSource<T> {
    void forEach(Consumer<? super T> sink);
}
