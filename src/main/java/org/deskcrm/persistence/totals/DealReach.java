package org.deskcrm.persistence.totals;

/**
 * What a change of deals may touch ({@link DealTotals#around}, {@link DealTotals#aroundDeal}, {@link DealTotals#aroundMany}),
 * so that the figures it cannot move are not read around it. A change may enclose changes of a reach no wider than its
 * own (EVERYTHING reaches furthest, RANKING least).
 */
public enum DealReach {
    /** Anything: the stage, the history, the dates, the pipeline (a move, an import). */
    EVERYTHING,
    /**
     * The deals' own attributes only — amount, owner, source, score and band, title, lines — never their stage,
     * history, created or closed dates or pipeline (a card save, a rescore): their stored lengths of stays and
     * cycles ({@link DurationTotals}) stay as they are and are not read.
     */
    ATTRIBUTES,
    /**
     * The deals' score and band, or the reached order of their stages, only (a rescore, a reorder of a pipeline's
     * stages): as {@link #ATTRIBUTES}, and a change of many deals does not read their closed deals by product
     * ({@link ProductTotals}: no amount, line or date moves) either.
     */
    RANKING
}
