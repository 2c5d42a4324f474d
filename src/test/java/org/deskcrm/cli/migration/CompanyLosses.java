package org.deskcrm.cli.migration;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a source system that keeps them (amoCRM, Salesforce) records of each lost opportunity of a
 * {@link Company} beyond the public data set's columns: why it was lost and the stage it was lost at.
 * Written as sales_pipeline.csv with two more columns, {@code lost_reason} and {@code lost_at_stage}
 * (empty for the rows that are not lost), and counted with plain Java. Deterministic: each lost row's
 * reason and stage follow from its id. Two of the reasons are not among a new installation's lost
 * reasons, so an import must create them; the stages use the file's words (Prospecting, Engaging) and
 * one stage of the application ("Negotiation").
 */
public final class CompanyLosses {
    /** The reasons a lost row may give; the last two are not among a new installation's reasons. */
    public static final List<String> REASONS = List.of("Price too high", "Chose a competitor", "No budget",
            "Went silent", "Merged into another deal");
    /** The stages a lost row may give as where it was lost, as the file writes them. */
    public static final List<String> STAGES = List.of(Company.PROSPECTING, Company.ENGAGING, "Negotiation");

    /** One lost opportunity's reason and stage, as the file writes them. */
    public record Loss(String reason, String stage) {
    }

    private final Company company;
    private final Map<String, Loss> byId = new HashMap<>();
    /** Lost opportunities per reason. */
    public final Map<String, Long> lostByReason = new TreeMap<>();
    /** Lost opportunities per stage they were lost at, as the file names the stage. */
    public final Map<String, Long> lostByStage = new TreeMap<>();

    public CompanyLosses(Company company) {
        this.company = company;
        for (Company.Opportunity o : company.opportunities()) {
            if (o.stage().equals(Company.LOST)) {
                int h = o.id().hashCode();
                Loss l = new Loss(REASONS.get(Math.floorMod(h, REASONS.size())),
                        STAGES.get(Math.floorMod(h / REASONS.size(), STAGES.size())));
                byId.put(o.id(), l);
                lostByReason.merge(l.reason(), 1L, Long::sum);
                lostByStage.merge(l.stage(), 1L, Long::sum);
            }
        }
    }

    /** The loss of a lost opportunity, or null for one that is not lost. */
    public Loss of(Company.Opportunity o) {
        return byId.get(o.id());
    }

    /** sales_pipeline.csv with the columns lost_reason and lost_at_stage added. */
    public Path writePipeline(Path dir) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (Company.Opportunity o : company.opportunities()) {
            List<String> row = new ArrayList<>(Company.pipelineRow(o));
            Loss l = of(o);
            row.add(l == null ? "" : l.reason());
            row.add(l == null ? "" : l.stage());
            rows.add(row);
        }
        return Company.csv(dir.resolve("sales_pipeline_with_losses.csv"),
                Company.PIPELINE_HEADER + ",lost_reason,lost_at_stage", rows);
    }
}
