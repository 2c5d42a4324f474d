package org.deskcrm.ui.merge;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.merge.MergeField;
import org.deskcrm.model.merge.MergeRequest;
import org.deskcrm.model.merge.MergeResult;
import org.deskcrm.service.merge.ClientMergeService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The merge dialog's state: the two cards side by side (left and right, loaded in the background), which one
 * survives, and for every field which side's value is kept. Choosing the survivor resets the fields to the
 * rule of ADR 0016 (the survivor's value, or the other's where the survivor has none).
 */
public final class ClientMergeViewModel {
    private final ClientMergeService merges;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final Supplier<Long> user;
    private final ReadOnlyObjectWrapper<ClientMergeService.Side> left = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ClientMergeService.Side> right = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty leftSurvives = new SimpleBooleanProperty(true);
    /** Per field: true = the left card's value is kept. */
    private final Map<MergeField, BooleanProperty> keepLeft = new EnumMap<>(MergeField.class);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public ClientMergeViewModel(ClientMergeService merges, TaskExecutor executor, I18n i18n, Supplier<Long> user) {
        this.merges = merges;
        this.executor = executor;
        this.i18n = i18n;
        this.user = user;
        for (MergeField f : MergeField.values()) {
            keepLeft.put(f, new SimpleBooleanProperty(true));
        }
        leftSurvives.addListener((o, a, b) -> resetFields());
    }

    /** Reads both cards in the background; {@code onLoaded} runs on the FX thread when both are there. */
    public void load(long leftId, long rightId, Runnable onLoaded) {
        busy.set(true);
        executor.submit(p -> new ClientMergeService.Side[]{merges.side(leftId), merges.side(rightId)}, sides -> {
            left.set(sides[0]);
            right.set(sides[1]);
            busy.set(false);
            resetFields();
            onLoaded.run();
        }, this::fail);
    }

    private void resetFields() {
        if (left.get() == null || right.get() == null) {
            return;
        }
        Client survivor = survivorSide().card().client();
        Client other = mergedSide().card().client();
        Set<MergeField> take = ClientMergeService.defaultChoice(survivor, other);
        for (MergeField f : MergeField.values()) {
            keepLeft.get(f).set(leftSurvives.get() != take.contains(f));
        }
    }

    public ReadOnlyObjectProperty<ClientMergeService.Side> leftProperty() {
        return left.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ClientMergeService.Side> rightProperty() {
        return right.getReadOnlyProperty();
    }

    public BooleanProperty leftSurvivesProperty() {
        return leftSurvives;
    }

    public BooleanProperty keepLeftProperty(MergeField f) {
        return keepLeft.get(f);
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    private ClientMergeService.Side survivorSide() {
        return leftSurvives.get() ? left.get() : right.get();
    }

    private ClientMergeService.Side mergedSide() {
        return leftSurvives.get() ? right.get() : left.get();
    }

    /** What the merge will do, as the dialog sends it. */
    public MergeRequest request() {
        Set<MergeField> take = EnumSet.noneOf(MergeField.class);
        for (MergeField f : MergeField.values()) {
            if (keepLeft.get(f).get() != leftSurvives.get()) {
                take.add(f);
            }
        }
        var s = survivorSide().card().client();
        var m = mergedSide().card().client();
        return new MergeRequest(s.id(), s.version(), m.id(), m.version(), take);
    }

    /** A field's value on one side as the dialog shows it (names for the manager and the lead source). */
    public String shown(ClientMergeService.Side side, MergeField f) {
        if (side == null) {
            return "";
        }
        String v = switch (f) {
            case OWNER -> side.row().ownerName();
            case SOURCE -> side.row().sourceName();
            case KIND -> side.card().client().kind() == null ? null
                    : i18n.get("client.kind." + side.card().client().kind().code());
            default -> ClientMergeService.value(side.card().client(), f);
        };
        return v == null || v.isBlank() ? i18n.get("merge.empty") : v;
    }

    /** The rows a card has, as "deals: 2, calls: 1" (tables without rows left out). */
    public String records(ClientMergeService.Side side) {
        if (side == null) {
            return "";
        }
        String text = side.counts().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> i18n.format("merge.count", i18n.get("merge.table." + e.getKey()), e.getValue()))
                .collect(Collectors.joining(", "));
        return text.isEmpty() ? i18n.get("merge.noRecords") : text;
    }

    /** Runs the merge in the background; {@code onMerged} gets the result on the FX thread. */
    public void merge(Consumer<MergeResult> onMerged) {
        if (left.get() == null || right.get() == null || busy.get()) {
            return;
        }
        MergeRequest r = request();
        Long u = user.get();
        busy.set(true);
        error.set("");
        executor.submit(p -> merges.merge(r, u), result -> {
            busy.set(false);
            onMerged.accept(result);
        }, this::fail);
    }

    private void fail(Throwable e) {
        busy.set(false);
        error.set(i18n.message(e));
    }
}
