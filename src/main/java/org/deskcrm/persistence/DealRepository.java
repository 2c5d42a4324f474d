package org.deskcrm.persistence;

import org.deskcrm.model.common.AppException;
import org.deskcrm.model.common.ConcurrentEditException;
import org.deskcrm.model.common.NotFoundException;
import org.deskcrm.model.common.Texts;
import org.deskcrm.model.deal.Deal;
import org.deskcrm.model.deal.ScoreBand;
import org.deskcrm.model.deal.StageChange;
import org.deskcrm.model.deal.StageKind;
import org.deskcrm.persistence.jooq.tables.records.DealRecord;
import org.deskcrm.persistence.jooq.tables.records.StageRecord;
import org.deskcrm.persistence.totals.DealReach;
import org.deskcrm.persistence.totals.DealTotals;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.deskcrm.persistence.Times.instant;
import static org.deskcrm.persistence.Times.odt;
import static org.deskcrm.persistence.jooq.Tables.DEAL;
import static org.deskcrm.persistence.jooq.Tables.DEAL_STAGE_HISTORY;
import static org.deskcrm.persistence.jooq.Tables.STAGE;

/**
 * Deals and their stage history. Every stage change writes a history row (from, to, when, who),
 * closes the previous row ({@code left_at}) and keeps {@code deal.reached_order} in the same
 * transaction, so funnels and velocity never depend on the current stage alone.
 */
public class DealRepository {
    private final DSLContext dsl;
    private final DealTotals totals;

    public DealRepository(Database db) {
        this.dsl = db.dsl();
        this.totals = new DealTotals(db.dsl());
    }

    static Deal map(DealRecord r) {
        return new Deal(r.getId(), r.getTitle(), r.getClientId(), r.getContactId(), r.getOwnerId(),
                r.getPipelineId(), r.getStageId(), r.getAmount(), r.getExpectedClose(), r.getSourceId(),
                r.getScore(), ScoreBand.ofCode(r.getScoreBand()), r.getLostReasonId(), r.getLostNote(),
                instant(r.getCreatedAt()), instant(r.getStageChangedAt()), instant(r.getClosedAt()), r.getVersion());
    }

    private StageRecord stage(DSLContext tx, long stageId) {
        StageRecord s = tx.selectFrom(STAGE).where(STAGE.ID.eq(stageId)).fetchOne();
        if (s == null) {
            throw new NotFoundException("stage", stageId);
        }
        return s;
    }

    /** Inserts a deal at its stage, with the first history row (from nothing to that stage). */
    public long insert(Deal d, Long userId, Instant now) {
        return dsl.transactionResult(() -> {
            DSLContext tx = dsl;
            StageRecord s = stage(tx, d.stageId());
            if (s.getPipelineId() != d.pipelineId()) {
                throw new AppException("error.deal.stageNotInPipeline");
            }
            StageKind kind = StageKind.ofCode(s.getKindCode());
            Instant created = d.createdAt() != null ? d.createdAt() : now;
            long id = tx.insertInto(DEAL)
                    .set(DEAL.TITLE, d.title().strip())
                    .set(DEAL.TITLE_NORM, Texts.lower(d.title()))
                    .set(DEAL.CLIENT_ID, d.clientId())
                    .set(DEAL.CONTACT_ID, d.contactId())
                    .set(DEAL.OWNER_ID, d.ownerId())
                    .set(DEAL.PIPELINE_ID, d.pipelineId())
                    .set(DEAL.STAGE_ID, d.stageId())
                    .set(DEAL.AMOUNT, d.amount())
                    .set(DEAL.EXPECTED_CLOSE, d.expectedClose())
                    .set(DEAL.SOURCE_ID, d.sourceId())
                    .set(DEAL.SCORE, d.score())
                    .set(DEAL.SCORE_BAND, d.band().code())
                    .set(DEAL.LOST_REASON_ID, d.lostReasonId())
                    .set(DEAL.LOST_NOTE, d.lostNote())
                    .set(DEAL.REACHED_ORDER, kind == StageKind.LOST ? 0 : s.getSortOrder())
                    .set(DEAL.CREATED_AT, odt(created))
                    .set(DEAL.CREATED_BY, userId)
                    .set(DEAL.STAGE_CHANGED_AT, odt(created))
                    .set(DEAL.CLOSED_AT, kind == StageKind.OPEN ? null : odt(created))
                    .set(DEAL.UPDATED_AT, odt(now))
                    .returning(DEAL.ID).fetchOne(DEAL.ID);
            tx.insertInto(DEAL_STAGE_HISTORY)
                    .set(DEAL_STAGE_HISTORY.DEAL_ID, id)
                    .set(DEAL_STAGE_HISTORY.TO_STAGE_ID, d.stageId())
                    .set(DEAL_STAGE_HISTORY.CHANGED_AT, odt(created))
                    .set(DEAL_STAGE_HISTORY.CHANGED_BY, userId)
                    .set(DEAL_STAGE_HISTORY.AMOUNT, d.amount())
                    .execute();
            totals.added(List.of(id));
            return id;
        });
    }

    /**
     * Moves a deal to another stage of its pipeline if its version is still {@code expectedVersion};
     * returns the new version. A lost stage needs {@code lostReasonId}.
     */
    public long move(long dealId, long expectedVersion, long toStageId, Long lostReasonId, String lostNote,
                     Long userId, Instant at) {
        return totals.aroundDeal(dealId, () -> {
            DSLContext tx = dsl;
            DealRecord d = tx.selectFrom(DEAL).where(DEAL.ID.eq(dealId)).forUpdate().fetchOne();
            if (d == null) {
                throw new NotFoundException("deal", dealId);
            }
            if (d.getVersion() != expectedVersion) {
                throw new ConcurrentEditException("deal", dealId);
            }
            if (d.getStageId() == toStageId) {
                return d.getVersion();
            }
            StageRecord to = stage(tx, toStageId);
            if (!to.getPipelineId().equals(d.getPipelineId())) {
                throw new AppException("error.deal.stageNotInPipeline");
            }
            StageKind kind = StageKind.ofCode(to.getKindCode());
            if (kind == StageKind.LOST && lostReasonId == null) {
                throw new AppException("error.deal.lostReasonRequired");
            }
            if (d.getStageChangedAt() != null && at.isBefore(d.getStageChangedAt().toInstant())) {
                throw new AppException("error.deal.moveBeforeLastChange");
            }
            tx.update(DEAL_STAGE_HISTORY).set(DEAL_STAGE_HISTORY.LEFT_AT, odt(at))
                    .where(DEAL_STAGE_HISTORY.DEAL_ID.eq(dealId).and(DEAL_STAGE_HISTORY.LEFT_AT.isNull()))
                    .execute();
            tx.insertInto(DEAL_STAGE_HISTORY)
                    .set(DEAL_STAGE_HISTORY.DEAL_ID, dealId)
                    .set(DEAL_STAGE_HISTORY.FROM_STAGE_ID, d.getStageId())
                    .set(DEAL_STAGE_HISTORY.TO_STAGE_ID, toStageId)
                    .set(DEAL_STAGE_HISTORY.CHANGED_AT, odt(at))
                    .set(DEAL_STAGE_HISTORY.CHANGED_BY, userId)
                    .set(DEAL_STAGE_HISTORY.AMOUNT, d.getAmount())
                    .execute();
            int reached = kind == StageKind.LOST ? d.getReachedOrder() : Math.max(d.getReachedOrder(), to.getSortOrder());
            long version = d.getVersion() + 1;
            tx.update(DEAL)
                    .set(DEAL.STAGE_ID, toStageId)
                    .set(DEAL.STAGE_CHANGED_AT, odt(at))
                    .set(DEAL.CLOSED_AT, kind == StageKind.OPEN ? null : odt(at))
                    .set(DEAL.LOST_REASON_ID, kind == StageKind.LOST ? lostReasonId : null)
                    .set(DEAL.LOST_NOTE, kind == StageKind.LOST ? lostNote : null)
                    .set(DEAL.REACHED_ORDER, reached)
                    .set(DEAL.UPDATED_AT, odt(at))
                    .set(DEAL.VERSION, version)
                    .where(DEAL.ID.eq(dealId))
                    .execute();
            return version;
        });
    }

    /**
     * Runs several writes of one deal (a move and its rescore, a card save and its rescore) with its stored
     * totals read once before them and once after, however many of those writes ask for them.
     */
    public <T> T changing(long dealId, java.util.function.Supplier<T> writes) {
        return totals.aroundDeal(dealId, writes);
    }

    /**
     * {@link #changing} for writes of the deal's own attributes only (a card save and its rescore: never its stage,
     * history, dates or pipeline), so the stored lengths of its stays and cycle are not read around them.
     */
    public <T> T changingAttributes(long dealId, java.util.function.Supplier<T> writes) {
        return totals.aroundDeal(dealId, DealReach.ATTRIBUTES, writes);
    }

    public Optional<Deal> find(long id) {
        return dsl.selectFrom(DEAL).where(DEAL.ID.eq(id)).fetchOptional(DealRepository::map);
    }

    public List<Deal> byClient(long clientId) {
        return dsl.selectFrom(DEAL).where(DEAL.CLIENT_ID.eq(clientId)).orderBy(DEAL.CREATED_AT.desc(), DEAL.ID.desc())
                .fetch(DealRepository::map);
    }

    /** The deal's stage history, oldest first. */
    public List<StageChange> history(long dealId) {
        return dsl.selectFrom(DEAL_STAGE_HISTORY).where(DEAL_STAGE_HISTORY.DEAL_ID.eq(dealId))
                .orderBy(DEAL_STAGE_HISTORY.CHANGED_AT, DEAL_STAGE_HISTORY.ID)
                .fetch(r -> new StageChange(r.getId(), r.getDealId(), r.getFromStageId(), r.getToStageId(),
                        instant(r.getChangedAt()), instant(r.getLeftAt()), r.getChangedBy(), r.getAmount()));
    }

    /** Deal ids whose title starts with the given lower-case text (global search). */
    public List<Deal> byTitlePrefix(String lowerPrefix, int limit) {
        return byTitlePrefix(lowerPrefix, limit, org.deskcrm.model.user.AccessScope.all());
    }

    /** The deal if {@code scope} sees it (its owner is the user, or in the supervisor's team). */
    public Optional<Deal> find(long id, org.deskcrm.model.user.AccessScope scope) {
        return dsl.selectFrom(DEAL).where(DEAL.ID.eq(id)).and(Visibility.owned(DEAL.OWNER_ID, scope))
                .fetchOptional(DealRepository::map);
    }

    /** Deals {@code scope} sees whose title starts with the given lower-case text (global search). */
    public List<Deal> byTitlePrefix(String lowerPrefix, int limit, org.deskcrm.model.user.AccessScope scope) {
        return dsl.selectFrom(DEAL).where(ClientRepository.prefixRange(DEAL.TITLE_NORM, lowerPrefix))
                .and(Visibility.owned(DEAL.OWNER_ID, scope))
                .orderBy(DEAL.TITLE_NORM, DEAL.ID).limit(limit).fetch(DealRepository::map);
    }
}
