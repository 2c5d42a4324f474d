package org.deskcrm.ui.report;

import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.deskcrm.model.report.FunnelMeasure;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.model.report.Row;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The funnel drawn as a funnel: one centred bar per stage that deals move through (lost stages are not
 * steps), its width proportional to the chosen measure (deals reached, or their amount), labelled with
 * the stage, the measure and the other measure as a secondary figure; between two bars the conversion
 * to the next stage. JavaFX has no funnel chart, so it lays out its own bars.
 */
final class FunnelChart extends Region {
    /** One step: its stage name, the drawn value, and the texts shown on it. */
    record Step(String stage, double value, String text, String conversion) {
    }

    private static final double GAP = 22;
    private static final double MAX_BAR = 46;
    private final List<Step> steps;
    private final List<Rectangle> bars = new ArrayList<>();
    private final List<Label> labels = new ArrayList<>();
    private final List<Label> conversions = new ArrayList<>();

    /**
     * The funnel of a funnel table by a measure; {@code text} writes a cell of a column (by key) as the
     * table does, {@code step} and {@code conversion} the localized labels.
     */
    FunnelChart(ReportTable t, FunnelMeasure measure, BiFunction<String, Object, String> text,
                BiFunction<String, String, String> step, java.util.function.Function<String, String> conversion,
                ChartPalette palette) {
        setId("reportFunnel");
        getStyleClass().add("funnel-chart");
        setPadding(new Insets(12));
        setMinWidth(160);
        int value = t.index(measure.column());
        int other = t.index(measure.secondaryColumn());
        int stage = t.index("stage");
        int conv = t.index("conversion");
        List<Step> s = new ArrayList<>();
        for (Row r : t.rows()) {
            Object v = r.values().get(value);
            if (r.values().get(t.index(FunnelMeasure.DEALS.column())) == null || v == null) {
                continue; // a lost stage: not a step of the funnel
            }
            String figures = text.apply(measure.column(), v) + "  ·  " + text.apply(measure.secondaryColumn(), r.values().get(other));
            Object c = r.values().get(conv);
            s.add(new Step(String.valueOf(r.values().get(stage)), ((Number) v).doubleValue(),
                    step.apply(String.valueOf(r.values().get(stage)), figures),
                    c == null ? null : conversion.apply(text.apply("conversion", c))));
        }
        steps = Collections.unmodifiableList(s);
        for (Step st : steps) {
            Rectangle bar = new Rectangle();
            bar.getStyleClass().add("funnel-bar");
            bars.add(bar);
            Label label = new Label(st.text());
            label.getStyleClass().add("funnel-label");
            label.setMinWidth(0);
            Tooltip.install(bar, new Tooltip(st.text()));
            label.setTooltip(new Tooltip(st.text()));
            labels.add(label);
            Label c = new Label(st.conversion() == null ? "" : st.conversion());
            c.getStyleClass().add("funnel-conversion");
            c.setMinWidth(0);
            conversions.add(c);
            getChildren().addAll(bar, label, c);
        }
        restyle(palette);
    }

    /** The choice of the measure (deals or amount), bound to {@code measure}. */
    static javafx.scene.control.ComboBox<FunnelMeasure> measureChoice(org.deskcrm.ui.common.I18n i18n,
                                                                      javafx.beans.property.ObjectProperty<FunnelMeasure> measure) {
        javafx.scene.control.ComboBox<FunnelMeasure> box = new javafx.scene.control.ComboBox<>();
        box.setId("reportMeasure");
        box.getItems().setAll(FunnelMeasure.values());
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(FunnelMeasure m) {
                return m == null ? "" : i18n.get("report.measure." + m.code());
            }

            @Override
            public FunnelMeasure fromString(String s) {
                return null;
            }
        });
        box.setMinWidth(Region.USE_PREF_SIZE);
        box.valueProperty().bindBidirectional(measure);
        return box;
    }

    /**
     * The funnel's table beside the chart keeps every column: each at least as wide as its figures, the
     * table never narrower than their sum, the columns filling its width; the measure's column emphasised.
     */
    static void keepColumns(javafx.scene.control.TableView<Row> table, ReportTable t, FunnelMeasure measure) {
        double min = 20;
        for (javafx.scene.control.TableColumn<Row, ?> col : table.getColumns()) {
            org.deskcrm.model.report.Column c = t.column(col.getId().substring("col-".length()));
            col.setMinWidth(Math.max(col.getMinWidth(), c.type() == org.deskcrm.model.report.ColumnType.MONEY ? 100
                    : c.type() == org.deskcrm.model.report.ColumnType.TEXT ? 90 : 56));
            min += col.getMinWidth();
            if (c.key().equals(measure.column())) {
                col.getStyleClass().add("report-measure");
            }
        }
        table.setMinWidth(min);
        table.setColumnResizePolicy(javafx.scene.control.TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    /** The drawn values, stage by stage, top to bottom. */
    List<Double> values() {
        return steps.stream().map(Step::value).toList();
    }

    List<Step> steps() {
        return steps;
    }

    /** The width of each bar as laid out (for tests: the funnel narrows with its values). */
    List<Double> barWidths() {
        return bars.stream().map(Rectangle::getWidth).toList();
    }

    /** Paints bars and texts in the theme's colours. */
    void restyle(ChartPalette palette) {
        Color bar = fx(palette.bar());
        Color text = fx(palette.text());
        setBackground(new javafx.scene.layout.Background(new javafx.scene.layout.BackgroundFill(
                fx(palette.background()), null, null)));
        bars.forEach(b -> {
            b.setFill(bar.deriveColor(0, 1, 1, 0.45));
            b.setStroke(bar);
        });
        labels.forEach(l -> l.setTextFill(text));
        conversions.forEach(l -> l.setTextFill(text));
    }

    private static Color fx(java.awt.Color c) {
        return Color.rgb(c.getRed(), c.getGreen(), c.getBlue());
    }

    @Override
    protected void layoutChildren() {
        if (steps.isEmpty()) {
            return;
        }
        Insets in = getInsets();
        double w = getWidth() - in.getLeft() - in.getRight();
        double h = getHeight() - in.getTop() - in.getBottom();
        int n = steps.size();
        double rowH = Math.max(18, Math.min(MAX_BAR, (h - GAP * (n - 1)) / n));
        double max = steps.stream().mapToDouble(Step::value).max().orElse(0);
        double y = in.getTop();
        for (int i = 0; i < n; i++) {
            double share = max <= 0 ? 0 : steps.get(i).value() / max;
            double bw = Math.max(4, w * share);
            Rectangle bar = bars.get(i);
            bar.setX(in.getLeft() + (w - bw) / 2);
            bar.setY(y);
            bar.setWidth(bw);
            bar.setHeight(rowH);
            layoutInArea(labels.get(i), in.getLeft(), y, w, rowH, 0, HPos.CENTER, VPos.CENTER);
            y += rowH;
            if (i + 1 < n) {
                layoutInArea(conversions.get(i), in.getLeft(), y, w, GAP, 0, HPos.CENTER, VPos.CENTER);
            }
            y += GAP;
        }
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        return in.getTop() + in.getBottom() + steps.size() * (MAX_BAR + GAP);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 360;
    }
}
