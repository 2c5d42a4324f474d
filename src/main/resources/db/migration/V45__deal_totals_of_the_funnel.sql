-- The cohort funnel from the stored totals (docs/decisions/0026-funnel-in-the-deal-totals.md). A "created" row
-- is now also keyed by the deal's current stage (stage_id) and the highest open/won stage order its history
-- reached (reached_order, deal.reached_order); a new kind "lostlead" keys the deals now lost by their created
-- day, lost reason and the stage they were lost at (stage_id), as "lost" keys them by their closed day. The
-- other kinds keep reached_order 0. The rows of the old layout are dropped with the register's state row, so
-- the first start rebuilds the totals from the records (with progress), as for a database that never had them.
-- A deal's reached order is a stage order: stages reordered before this version left it pointing at whichever
-- stage took that order. It is set again from the history (the highest order of an open or won stage entered).
UPDATE deal SET reached_order = COALESCE((SELECT MAX(s.sort_order) FROM deal_stage_history h
        JOIN stage s ON s.id = h.to_stage_id WHERE h.deal_id = deal.id AND s.kind_code <> 'lost'), 0)
    WHERE reached_order <> COALESCE((SELECT MAX(s.sort_order) FROM deal_stage_history h
        JOIN stage s ON s.id = h.to_stage_id WHERE h.deal_id = deal.id AND s.kind_code <> 'lost'), 0);
ALTER TABLE deal_total ADD COLUMN reached_order INT DEFAULT 0 NOT NULL;
ALTER TABLE deal_total DROP CONSTRAINT pk_deal_total;
DELETE FROM deal_total;
DELETE FROM totals_state WHERE register = 'deal';
ALTER TABLE deal_total ADD CONSTRAINT pk_deal_total
    PRIMARY KEY (kind, day_no, owner_id, pipeline_id, source_id, score_band, lost_reason_id, stage_id, reached_order);
