package org.deskcrm.service.deal;

import org.deskcrm.model.common.AppException;
import org.deskcrm.model.common.NotFoundException;
import org.deskcrm.model.common.Texts;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.deal.Stage;
import org.deskcrm.model.deal.StageKind;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.PipelineRepository;
import org.deskcrm.persistence.StageRepository;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Administration of pipelines and stages. Every change is checked against the whole resulting
 * pipeline before it is written: at least one open stage, exactly one won stage, at least one lost
 * stage, distinct non-blank names, probabilities 0–100, positive stuck limits. A stage that deals
 * stand at or passed through can be renamed or re-weighted, not deleted or given another kind.
 */
public class PipelineService {
    private final Database db;
    private final PipelineRepository pipelines;
    private final StageRepository stages;

    public PipelineService(Database db, PipelineRepository pipelines, StageRepository stages) {
        this.db = db;
        this.pipelines = pipelines;
        this.stages = stages;
    }

    public List<Pipeline> pipelines() {
        return pipelines.findAll();
    }

    /** Active products by id, by name (needs and deal lines choose from them). */
    public java.util.Map<Long, String> products() {
        return pipelines.products();
    }

    /** Lost reasons by id. */
    public java.util.Map<Long, String> lostReasons() {
        return pipelines.lostReasons();
    }

    /** Adds a lost reason (a distinct, non-blank name); returns its id. */
    public long addLostReason(String name) {
        if (Texts.isBlank(name)) {
            throw new AppException("error.pipeline.reasonName");
        }
        String n = name.strip();
        java.util.Map<Long, String> have = pipelines.lostReasons();
        if (have.values().stream().anyMatch(r -> r.strip().equalsIgnoreCase(n))) {
            throw new AppException("error.pipeline.duplicateReason", n);
        }
        return pipelines.addLostReason(n, (have.size() + 1) * 10);
    }

    public Pipeline pipeline(long id) {
        return pipelines.findAll().stream().filter(p -> p.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("pipeline", id));
    }

    /** Throws a localized AppException for the first rule the stages break. */
    public static void validate(List<Stage> list) {
        long open = list.stream().filter(s -> s.kind() == StageKind.OPEN).count();
        long won = list.stream().filter(s -> s.kind() == StageKind.WON).count();
        long lost = list.stream().filter(s -> s.kind() == StageKind.LOST).count();
        if (open < 1) {
            throw new AppException("error.pipeline.noOpenStage");
        }
        if (won != 1) {
            throw new AppException("error.pipeline.oneWonStage");
        }
        if (lost < 1) {
            throw new AppException("error.pipeline.noLostStage");
        }
        Set<String> names = new HashSet<>();
        for (Stage s : list) {
            if (Texts.isBlank(s.name())) {
                throw new AppException("error.pipeline.stageName");
            }
            if (!names.add(s.name().strip().toLowerCase(Locale.ROOT))) {
                throw new AppException("error.pipeline.duplicateStage", s.name().strip());
            }
            if (s.probability() == null || s.probability().signum() < 0
                    || s.probability().compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new AppException("error.pipeline.probability", s.name().strip());
            }
            if (s.maxDays() != null && s.maxDays() <= 0) {
                throw new AppException("error.pipeline.maxDays", s.name().strip());
            }
        }
    }

    public Pipeline create(String code, String name, List<Stage> stageDrafts) {
        if (Texts.isBlank(code) || Texts.isBlank(name)) {
            throw new AppException("error.pipeline.name");
        }
        validate(stageDrafts);
        List<Stage> ordered = new ArrayList<>();
        for (int i = 0; i < stageDrafts.size(); i++) {
            Stage s = stageDrafts.get(i);
            ordered.add(new Stage(null, null, s.name().strip(), (i + 1) * 10, s.kind(), s.probability(), s.maxDays()));
        }
        int order = pipelines.findAll().stream().mapToInt(Pipeline::order).max().orElse(0) + 1;
        return pipelines.create(code.strip(), name.strip(), order, ordered);
    }

    public void rename(long pipelineId, String name) {
        if (Texts.isBlank(name)) {
            throw new AppException("error.pipeline.name");
        }
        pipeline(pipelineId);
        stages.renamePipeline(pipelineId, name);
    }

    /** Adds a stage at the given position (0 = first); returns its id. */
    public long addStage(long pipelineId, Stage draft, int position) {
        return db.inTransaction(() -> {
            Pipeline p = pipeline(pipelineId);
            List<Stage> after = new ArrayList<>(p.stages());
            int at = Math.max(0, Math.min(position, after.size()));
            after.add(at, draft);
            validate(after);
            long id = stages.insert(pipelineId, new Stage(null, pipelineId, draft.name(),
                    stages.maxOrder(pipelineId) + 10, draft.kind(), draft.probability(), draft.maxDays()));
            List<Long> ids = new ArrayList<>(p.stages().stream().map(Stage::id).toList());
            ids.add(at, id);
            stages.reorder(pipelineId, ids);
            return id;
        });
    }

    /** Changes a stage's name, kind, probability and stuck limit (its order stays). */
    public void updateStage(Stage edited) {
        db.inTransaction(() -> {
            Pipeline p = pipeline(edited.pipelineId());
            Stage before = p.stage(edited.id()).orElseThrow(() -> new NotFoundException("stage", edited.id()));
            if (before.kind() != edited.kind() && stages.inUse(edited.id())) {
                throw new AppException("error.pipeline.kindInUse", before.name());
            }
            List<Stage> after = new ArrayList<>(p.stages());
            after.replaceAll(s -> s.id().equals(edited.id()) ? edited : s);
            validate(after);
            stages.update(edited);
        });
    }

    /** Puts the pipeline's stages in this order (a permutation of its stage ids). */
    public void reorder(long pipelineId, List<Long> stageIds) {
        db.inTransaction(() -> {
            Pipeline p = pipeline(pipelineId);
            Set<Long> have = new HashSet<>(p.stages().stream().map(Stage::id).toList());
            if (stageIds.size() != have.size() || !have.equals(new HashSet<>(stageIds))) {
                throw new AppException("error.pipeline.reorder");
            }
            stages.reorder(pipelineId, stageIds);
        });
    }

    public void deleteStage(long pipelineId, long stageId) {
        db.inTransaction(() -> {
            Pipeline p = pipeline(pipelineId);
            Stage s = p.stage(stageId).orElseThrow(() -> new NotFoundException("stage", stageId));
            if (stages.inUse(stageId)) {
                throw new AppException("error.pipeline.stageInUse", s.name());
            }
            List<Stage> after = new ArrayList<>(p.stages());
            after.remove(s);
            validate(after);
            stages.delete(stageId);
        });
    }
}
