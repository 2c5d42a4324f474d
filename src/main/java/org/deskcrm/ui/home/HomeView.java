package org.deskcrm.ui.home;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Polyline;
import javafx.util.Duration;
import org.deskcrm.model.report.ColumnType;
import org.deskcrm.model.report.PeriodPreset;
import org.deskcrm.service.home.DashboardService;
import org.deskcrm.service.home.DashboardService.Figure;
import org.deskcrm.service.home.HomeTile;
import org.deskcrm.ui.common.FigureFormat;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.Refreshable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Consumer;

/**
 * The home dashboard: a period preset, KPI tiles (figure, plan, change against the previous period,
 * a six-month trend line; a click opens the figure's report with the same period), a small funnel and
 * revenue by month. Refreshes on F5 and every {@link #AUTO_REFRESH_MINUTES} minutes while shown.
 */
public final class HomeView extends BorderPane implements Refreshable {
    static final int AUTO_REFRESH_MINUTES = 5;
    private static final double TILE_WIDTH = 240;
    private static final double TILE_HEIGHT = 184;
    private final HomeViewModel vm;
    private final I18n i18n;
    private final FigureFormat format;
    private final Consumer<Figure> open;
    private final TilePane tiles = new TilePane(12, 12);
    private final VBox funnel = new VBox(4);
    private final HBox months = new HBox(4);
    private final Label period = new Label();

    public HomeView(HomeViewModel vm, Consumer<Figure> open) {
        this(vm, null, open);
    }

    /** Money in the business currency ({@code null}: without a currency sign). */
    public HomeView(HomeViewModel vm, java.util.Currency currency, Consumer<Figure> open) {
        this.vm = vm;
        this.i18n = vm.i18n();
        this.format = new FigureFormat(i18n.locale(), currency);
        this.open = open;
        setId("homeView");
        getStyleClass().add("home-view");
        setTop(toolbar());
        tiles.setId("homeTiles");
        tiles.setPadding(new Insets(12));
        tiles.setPrefTileWidth(TILE_WIDTH);
        tiles.setPrefTileHeight(TILE_HEIGHT);
        tiles.setTileAlignment(Pos.TOP_LEFT);
        funnel.setId("homeFunnel");
        months.setId("homeRevenueByMonth");
        months.setAlignment(Pos.BOTTOM_LEFT);
        VBox funnelBox = section("home.funnel.title", funnel);
        VBox monthsBox = section("home.revenue.title", months);
        HBox charts = new HBox(24, funnelBox, monthsBox);
        HBox.setHgrow(funnelBox, Priority.ALWAYS);
        HBox.setHgrow(monthsBox, Priority.ALWAYS);
        charts.setPadding(new Insets(0, 12, 12, 12));
        VBox body = new VBox(8, tiles, charts);
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        setCenter(scroll);
        Label error = new Label();
        error.getStyleClass().add("error-text");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        setBottom(error);
        vm.figures().addListener((ListChangeListener<Figure>) c -> drawTiles());
        vm.chosen().addListener((ListChangeListener<HomeTile>) c -> drawTiles());
        vm.funnel().addListener((ListChangeListener<DashboardService.FunnelStep>) c -> drawFunnel());
        vm.months().addListener((ListChangeListener<DashboardService.Month>) c -> drawMonths());
        vm.rangeProperty().addListener((o, old, r) -> {
            DateTimeFormatter f = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(i18n.locale());
            period.setText(r == null ? "" : f.format(r.from()) + " – " + f.format(r.to()));
        });
        Timeline timer = new Timeline(new KeyFrame(Duration.minutes(AUTO_REFRESH_MINUTES), e -> vm.refresh()));
        timer.setCycleCount(Timeline.INDEFINITE);
        sceneProperty().addListener((o, old, scene) -> {
            if (scene == null) {
                timer.stop();
            } else {
                timer.play();
            }
        });
        drawTiles();
    }

    @Override
    public void refresh() {
        vm.refresh();
    }

    private HBox toolbar() {
        Label title = new Label(i18n.get("home.title"));
        title.getStyleClass().add("home-title");
        ComboBox<PeriodPreset> preset = new ComboBox<>();
        preset.setId("homePreset");
        for (PeriodPreset p : PeriodPreset.values()) {
            if (p != PeriodPreset.CUSTOM) {
                preset.getItems().add(p);
            }
        }
        preset.setCellFactory(v -> presetCell());
        preset.setButtonCell(presetCell());
        preset.valueProperty().bindBidirectional(vm.presetProperty());
        period.setId("homePeriod");
        period.getStyleClass().add("hint");
        Button refresh = new Button(i18n.get("action.refresh"));
        refresh.setId("homeRefresh");
        refresh.setOnAction(e -> vm.refresh());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.busyProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, title, preset, period, busy, spacer, tilesMenu(), refresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(12, 12, 0, 12));
        return bar;
    }

    private ListCell<PeriodPreset> presetCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(PeriodPreset p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : i18n.get("report.period." + p.code()));
            }
        };
    }

    /** "Tiles": show or hide each tile; back to the role's set. */
    private MenuButton tilesMenu() {
        MenuButton menu = new MenuButton(i18n.get("home.tiles"));
        menu.setId("homeTilesMenu");
        menu.setOnShowing(e -> {
            menu.getItems().clear();
            for (HomeTile t : HomeTile.values()) {
                CheckMenuItem item = new CheckMenuItem(i18n.get("home.tile." + t.code()));
                item.setSelected(vm.chosen().contains(t));
                item.setOnAction(a -> vm.toggle(t));
                menu.getItems().add(item);
            }
            MenuItem reset = new MenuItem(i18n.get("home.tiles.reset"));
            reset.setOnAction(a -> vm.resetTiles());
            menu.getItems().addAll(new SeparatorMenuItem(), reset);
        });
        menu.getItems().add(new MenuItem(i18n.get("home.tiles.reset"))); // so the menu has a size before first show
        return menu;
    }

    private VBox section(String titleKey, Region content) {
        Label title = new Label(i18n.get(titleKey));
        title.getStyleClass().add("section-title");
        VBox box = new VBox(6, title, content);
        box.getStyleClass().add("home-chart");
        box.setPadding(new Insets(8));
        return box;
    }

    private void drawTiles() {
        tiles.getChildren().clear();
        for (HomeTile t : vm.chosen()) {
            Figure f = vm.figures().stream().filter(x -> x.tile() == t).findFirst().orElse(null);
            tiles.getChildren().add(tile(t, f));
        }
    }

    private Button tile(HomeTile t, Figure f) {
        Label title = new Label(i18n.get("home.tile." + t.code()));
        title.getStyleClass().add("home-tile-title");
        title.setWrapText(true);
        Label value = new Label(f == null ? "…" : format.text(shown(f.value(), t), t.type()));
        value.getStyleClass().add("home-tile-value");
        value.setId("homeValue-" + t.code());
        fitValue(value, TILE_WIDTH - 24);
        VBox box = new VBox(4, title, value);
        if (f != null && f.plan() != null) {
            Label plan = new Label(i18n.format("home.tile.plan", format.text(shown(f.plan(), t), t.type()),
                    f.plan().signum() == 0 ? "—" : format.text(f.value().divide(f.plan(), 4, RoundingMode.HALF_UP),
                            ColumnType.RATIO)));
            plan.setId("homePlan-" + t.code());
            plan.getStyleClass().add("hint");
            plan.setWrapText(true);
            box.getChildren().add(plan);
        }
        if (f != null && f.change() != null) {
            Label change = new Label(change(f.change(), t));
            change.setId("homeChange-" + t.code());
            change.getStyleClass().addAll("hint", f.change().now().compareTo(f.change().before()) >= 0 ? "home-up" : "home-down");
            change.setWrapText(true);
            box.getChildren().add(change);
        }
        if (f != null && f.trend().size() > 1) {
            box.getChildren().add(sparkline(f.trend(), f.trendUnderWay()));
        }
        Button b = new Button(null, box);
        b.setId("homeTile-" + t.code());
        b.getStyleClass().add("home-tile");
        b.setMinSize(TILE_WIDTH, TILE_HEIGHT);
        b.setPrefSize(TILE_WIDTH, TILE_HEIGHT);
        b.setMaxSize(TILE_WIDTH, TILE_HEIGHT);
        box.setMaxWidth(TILE_WIDTH - 24);
        b.setAlignment(Pos.TOP_LEFT);
        b.setDisable(f == null);
        b.setTooltip(new Tooltip(i18n.get("home.tile.open")));
        if (f != null) {
            b.setOnAction(e -> open.accept(f));
        }
        MenuItem left = new MenuItem(i18n.get("home.tile.moveLeft"));
        left.setOnAction(e -> vm.move(t, -1));
        MenuItem right = new MenuItem(i18n.get("home.tile.moveRight"));
        right.setOnAction(e -> vm.move(t, 1));
        MenuItem hide = new MenuItem(i18n.get("home.tile.hide"));
        hide.setOnAction(e -> vm.toggle(t));
        b.setContextMenu(new ContextMenu(left, right, hide));
        return b;
    }

    /**
     * A long figure (a pipeline worth hundreds of millions in roubles) is drawn smaller rather than cut: the
     * tile's bold 24 px shrinks until the whole text fits the tile's width (never below 12 px).
     */
    static void fitValue(Label value, double width) {
        fit(value, width, value.getFont());
        // the style sheet's font family arrives with the CSS pass: measure again in it
        value.fontProperty().addListener((o, before, font) -> fit(value, width, font));
    }

    private static void fit(Label value, double width, javafx.scene.text.Font font) {
        javafx.scene.text.Text probe = new javafx.scene.text.Text(value.getText());
        probe.setFont(javafx.scene.text.Font.font(font.getFamily(), javafx.scene.text.FontWeight.BOLD, VALUE_FONT_SIZE));
        double needed = probe.getLayoutBounds().getWidth();
        String style = needed <= width ? ""
                : "-fx-font-size: " + Math.max(12, Math.floor(VALUE_FONT_SIZE * width / needed)) + "px;";
        if (!style.equals(value.getStyle())) {
            value.setStyle(style);
        }
    }

    /** The bold size of a tile's figure in the style sheet ({@code .home-tile-value}). */
    static final double VALUE_FONT_SIZE = 24;

    /** A ratio is shown as a percentage of one; counts and money as they are. */
    private static Object shown(BigDecimal v, HomeTile t) {
        return t.type() == ColumnType.COUNT ? v.longValue() : v;
    }

    /**
     * "▲ 12.0% vs the previous period"; while the period is under way, against the same days of the previous one:
     * "▲ 12.0% vs Nov 1 – Nov 7".
     */
    private String change(DashboardService.Change c, HomeTile t) {
        BigDecimal diff = c.now().subtract(c.before());
        String sign = diff.signum() > 0 ? "▲ " : diff.signum() < 0 ? "▼ " : "";
        String amount = t.type() == ColumnType.RATIO // 43.5 % against 50.0 %: 6.5 points, not 6.5 %
                ? i18n.format("home.tile.points", format.points(diff.abs()))
                : c.before().signum() == 0 ? format.text(shown(diff.abs(), t), t.type())
                : format.text(diff.abs().divide(c.before().abs(), 4, RoundingMode.HALF_UP), ColumnType.RATIO);
        if (!c.sameDays()) {
            return i18n.format("home.tile.change", sign + amount);
        }
        DateTimeFormatter day = DateTimeFormatter.ofPattern(i18n.get("home.tile.dayPattern"), i18n.locale());
        return i18n.format("home.tile.changeSameDays", sign + amount, day.format(c.beforeRange().from()),
                day.format(c.beforeRange().to()));
    }

    /**
     * The trend's line; a month still under way (the last) is drawn dashed, so that its few days are not read as a
     * fall.
     */
    private static Pane sparkline(List<BigDecimal> values, boolean lastUnderWay) {
        double w = TILE_WIDTH - 30;
        double h = 28;
        double max = values.stream().mapToDouble(BigDecimal::doubleValue).max().orElse(0);
        double min = Math.min(0, values.stream().mapToDouble(BigDecimal::doubleValue).min().orElse(0));
        Polyline line = new Polyline();
        line.getStyleClass().add("home-sparkline");
        Polyline partial = new Polyline();
        partial.getStyleClass().addAll("home-sparkline", "home-sparkline-partial");
        int whole = lastUnderWay ? values.size() - 1 : values.size();
        for (int i = 0; i < values.size(); i++) {
            double x = w * i / (values.size() - 1);
            double y = max == min ? h / 2 : h - h * (values.get(i).doubleValue() - min) / (max - min);
            if (i < whole) {
                line.getPoints().addAll(x, y);
            }
            if (i >= whole - 1 && lastUnderWay) {
                partial.getPoints().addAll(x, y);
            }
        }
        Pane p = lastUnderWay ? new Pane(line, partial) : new Pane(line);
        p.setMinSize(w, h);
        p.setPrefSize(w, h);
        return p;
    }

    private void drawFunnel() {
        funnel.getChildren().clear();
        long top = vm.funnel().stream().mapToLong(DashboardService.FunnelStep::reached).max().orElse(0);
        DashboardService.FunnelStep prev = null;
        for (DashboardService.FunnelStep s : vm.funnel()) {
            Region bar = new Region();
            bar.getStyleClass().add("home-funnel-bar");
            double share = top == 0 ? 0 : (double) s.reached() / top;
            bar.setPrefSize(Math.max(2, 260 * share), 18);
            bar.setMaxWidth(Region.USE_PREF_SIZE);
            String conv = prev == null || prev.reached() == 0 ? ""
                    : " · " + format.text(BigDecimal.valueOf(s.reached()).divide(BigDecimal.valueOf(prev.reached()), 4,
                    RoundingMode.HALF_UP), ColumnType.RATIO);
            Label label = new Label(s.stage() + ": " + format.text(s.reached(), ColumnType.COUNT) + conv);
            label.setMinWidth(Region.USE_PREF_SIZE);
            HBox line = new HBox(8, bar, label);
            line.setAlignment(Pos.CENTER_LEFT);
            funnel.getChildren().add(line);
            prev = s;
        }
    }

    private void drawMonths() {
        months.getChildren().clear();
        double max = vm.months().stream().mapToDouble(m -> m.revenue().doubleValue()).max().orElse(0);
        DateTimeFormatter f = DateTimeFormatter.ofPattern("LLL", i18n.locale());
        for (DashboardService.Month m : vm.months()) {
            Region bar = new Region();
            bar.getStyleClass().add("home-month-bar");
            double hgt = max <= 0 ? 1 : Math.max(1, 120 * m.revenue().doubleValue() / max);
            bar.setPrefSize(22, hgt);
            bar.setMaxHeight(Region.USE_PREF_SIZE);
            Tooltip.install(bar, new Tooltip(format.text(m.revenue(), ColumnType.MONEY)));
            Label label = new Label(f.format(m.start()));
            label.getStyleClass().add("hint");
            VBox col = new VBox(2, bar, label);
            col.setAlignment(Pos.BOTTOM_CENTER);
            months.getChildren().add(col);
        }
    }
}
