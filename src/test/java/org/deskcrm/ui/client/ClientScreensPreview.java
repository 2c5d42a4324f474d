package org.deskcrm.ui.client;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.deskcrm.model.call.Call;
import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallStatus;
import org.deskcrm.model.client.Channel;
import org.deskcrm.model.client.ChannelKind;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.model.client.Contact;
import org.deskcrm.model.client.LifecycleStatus;
import org.deskcrm.model.deal.Deal;
import org.deskcrm.model.deal.StageKind;
import org.deskcrm.model.task.Activity;
import org.deskcrm.model.task.ActivityKind;
import org.deskcrm.model.task.Task;
import org.deskcrm.model.task.TaskKind;
import org.deskcrm.persistence.ClientRepository;
import org.deskcrm.service.client.Requisites;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.SameThreadExecutor;

import javax.imageio.ImageIO;
import java.io.File;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Renders the client list and card with sample data to PNG files (for looking at the screens under
 * Xvfb): {@code java -cp ... org.deskcrm.ui.client.ClientScreensPreview [outDir] [en|ru]}.
 */
public final class ClientScreensPreview {
    private ClientScreensPreview() {
    }

    public static void main(String[] args) throws Exception {
        File out = new File(args.length > 0 ? args[0] : "target/screens");
        Locale locale = Locale.forLanguageTag(args.length > 1 ? args[1] : "en");
        out.mkdirs();
        ClientUiFixture fx = new ClientUiFixture();
        long detailed = sample(fx);
        CountDownLatch done = new CountDownLatch(1);
        Platform.startup(() -> {
            try {
                render(fx, detailed, out, locale);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                done.countDown();
            }
        });
        done.await();
        fx.close();
        Platform.exit();
    }

    private static void render(ClientUiFixture fx, long detailed, File out, Locale locale) throws Exception {
        TabWorkspace ws = new TabWorkspace();
        ScriptedDialogs dialogs = new ScriptedDialogs();
        I18n i18n = new I18n(locale);
        ClientUiContext base = fx.context(new SameThreadExecutor(), ws, dialogs);
        ClientUiContext ctx = new ClientUiContext(base.clients(), base.lookups(), base.timeline(), base.links(),
                base.opener(), base.executor(), i18n, ws, dialogs, base.currentUserId(), base.clock(),
                ZoneId.of("Europe/Moscow"));
        ws.screens = new ClientScreens(ctx);
        Stage stage = new Stage();
        stage.setScene(new Scene(ws.root, 1360, 820));
        stage.show();
        String tag = locale.getLanguage();
        ws.screens.openClientList();
        shot(stage, new File(out, "client-list-" + tag + ".png"));
        ws.openClient(detailed);
        shot(stage, new File(out, "client-card-" + tag + ".png"));
        ws.screens.openNewClientCard();
        ClientCardView card = (ClientCardView) ws.selectedContent();
        stage.getScene().getRoot().applyCss();
        stage.getScene().getRoot().layout();
        ((javafx.scene.control.TextField) card.lookup("#client-name")).setText("ООО Ошибка");
        ((javafx.scene.control.TextField) card.lookup("#client-inn")).setText("7707083894");
        ((javafx.scene.control.Button) card.lookup("#client-save")).fire();
        shot(stage, new File(out, "client-card-errors-" + tag + ".png"));
        stage.close();
    }

    private static void shot(Stage stage, File file) throws Exception {
        for (int i = 0; i < 3; i++) {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
        }
        WritableImage img = stage.getScene().snapshot(null);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file);
        System.out.println("wrote " + file);
    }

    /** Some realistic clients, and one with contacts, channels, calls, tasks, notes and a deal. */
    private static long sample(ClientUiFixture fx) {
        var clients = fx.app.clients();
        Map<Long, String> sources = fx.app.pipelines().leadSources();
        List<Long> sourceIds = List.copyOf(sources.keySet());
        String[] names = {"ООО «Ромашка»", "АО «Уралмаш-Сервис»", "ИП Кузнецов А. В.", "ООО «СтройДеталь»",
                "ООО «Альфа Логистик»", "Петрова Мария Ивановна", "ООО «ТехноПарк Самара»", "ЗАО «Северный ветер»",
                "ООО «Вектор»", "ООО «Бета-Трейд»", "АО «Медтехника»", "ООО «Зелёный сад»", "Сидоров Олег",
                "ООО «Кофейня на углу»", "ООО «Проммаш»", "ООО «Лидер-Авто»", "ООО «Альянс»", "ООО «ДомСтрой»"};
        LifecycleStatus[] statuses = LifecycleStatus.values();
        ClientRepository repo = new ClientRepository(fx.app.database());
        for (int i = 0; i < names.length; i++) {
            ClientKind kind = names[i].startsWith("ООО") || names[i].startsWith("АО") || names[i].startsWith("ЗАО")
                    ? ClientKind.COMPANY : ClientKind.PERSON;
            Client c = Client.draft(kind, names[i]).withOwner(i % 3 == 0 ? fx.otherManagerId : fx.managerId)
                    .withDetails(null, "Свердловская обл.", null, null, sourceIds.get(i % sourceIds.size()), null,
                            i % 4 == 0 ? List.of("vip") : List.of());
            long id = clients.save(new ClientCard(c, List.of(), List.of(
                    Channel.ofClient(ChannelKind.PHONE, String.format("+7 912 %03d-%02d-%02d", 100 + i * 7, i, 10 + i)),
                    Channel.ofClient(ChannelKind.EMAIL, "info" + i + "@example.ru"))), fx.managerId).id();
            LifecycleStatus st = statuses[i % statuses.length];
            if (st != LifecycleStatus.POTENTIAL) {
                repo.setLifecycle(id, st, 1 + i % 4, LocalDate.of(2024, 3, 1), LocalDate.of(2026, 2, 1).minusDays(i * 23L),
                        ClientUiFixture.NOW);
            }
        }
        Client main = Client.draft(ClientKind.COMPANY, "ООО «Уральские станки»").withOwner(fx.managerId)
                .withRequisites("Общество с ограниченной ответственностью «Уральские станки»",
                        Requisites.completeInn("667101234"), "667101001")
                .withDetails("620014, Екатеринбург, ул. Малышева, 51, офис 1204", "Свердловская обл.",
                        "Машиностроение", "uralstanki.ru", sourceIds.get(2),
                        "Закупают раз в квартал, решение принимает директор.", List.of("опт", "vip"));
        ClientCard card = new ClientCard(main, List.of(
                Contact.draft("Иван Петрович Смирнов", "Генеральный директор", true),
                Contact.draft("Ольга Николаевна Белова", "Главный бухгалтер", false)), List.of(
                Channel.ofClient(ChannelKind.PHONE, "+7 343 222-33-44"),
                Channel.ofClient(ChannelKind.EMAIL, "office@uralstanki.ru"),
                Channel.ofContact(0, ChannelKind.PHONE, "8 (912) 600-11-22"),
                Channel.ofContact(0, ChannelKind.TELEGRAM, "@ismirnov"),
                Channel.ofContact(1, ChannelKind.EMAIL, "buh@uralstanki.ru"),
                Channel.ofContact(1, ChannelKind.WHATSAPP, "+7 922 100-20-30")));
        long id = clients.save(card, fx.managerId).id();
        repo.setLifecycle(id, LifecycleStatus.REGULAR, 4, LocalDate.of(2024, 5, 10), LocalDate.of(2026, 1, 20),
                ClientUiFixture.NOW);
        var now = ClientUiFixture.NOW;
        fx.app.calls().insert(new Call(null, CallDirection.IN, CallStatus.MISSED, now.minus(Duration.ofHours(30)), 0,
                "+7 343 222-33-44", "+73432223344", id, null, fx.managerId, null, null, null));
        fx.app.calls().insert(new Call(null, CallDirection.OUT, CallStatus.ANSWERED, now.minus(Duration.ofHours(29)),
                312, "+7 343 222-33-44", "+73432223344", id, null, fx.managerId,
                "Обсудили поставку двух станков, ждут КП", null, null));
        Task t = Task.draft("Отправить КП на два станка", TaskKind.PROPOSAL, now.plus(Duration.ofDays(1)), fx.managerId);
        fx.app.tasks().insert(new Task(null, t.title(), null, t.kind(), t.status(), t.dueAt(), null, fx.managerId,
                null, id, null, null, null, null, 0), fx.managerId, now.minus(Duration.ofHours(28)));
        fx.app.tasks().insertActivity(new Activity(null, ActivityKind.MEETING, id, null, null, fx.managerId,
                now.minus(Duration.ofDays(6)), "Встреча в офисе клиента", "Показали новую линейку, интерес к ЧПУ"));
        var sales = fx.app.pipelines().findByCode("sales").orElseThrow();
        var open = sales.stages().stream().filter(s -> s.kind() == StageKind.OPEN).toList();
        long deal = fx.app.deals().insert(Deal.draft("Станки ЧПУ, 2 шт.", id, fx.managerId, sales.id(),
                open.get(0).id(), new BigDecimal("2450000.00")), fx.managerId, now.minus(Duration.ofDays(5)));
        fx.app.deals().move(deal, 0, open.get(1).id(), null, null, fx.managerId, now.minus(Duration.ofDays(1)));
        ClientCard saved = clients.load(id);
        clients.save(new ClientCard(saved.client().withName("ООО «Уральские станки»"), saved.contacts(),
                saved.channels()), fx.otherManagerId);
        ClientCard again = clients.load(id);
        clients.save(new ClientCard(again.client().withDetails(again.client().address(), again.client().region(),
                "Станкостроение", again.client().website(), again.client().sourceId(), again.client().notes(),
                again.client().tags()), again.contacts(), again.channels()), fx.otherManagerId);
        return id;
    }
}
