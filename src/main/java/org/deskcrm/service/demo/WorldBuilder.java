package org.deskcrm.service.demo;

import org.deskcrm.model.common.AppException;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.persistence.DemoRepository;
import org.deskcrm.service.client.LifecycleRules;
import org.deskcrm.service.settings.ReferenceDataService;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes the people and dictionaries the clients are generated against (a supervisor, two teams of
 * managers, tags, the product catalogue, a recurring task template) and gathers the rest (pipelines,
 * lead sources, lost reasons, thresholds) into a {@link DemoWorld}.
 */
final class WorldBuilder {
    private final DemoRepository repo;
    private final ReferenceDataService referenceData;
    private final Set<String> logins = new HashSet<>();
    long firstManagerId;

    WorldBuilder(DemoRepository repo, ReferenceDataService referenceData) {
        this.repo = repo;
        this.referenceData = referenceData;
    }

    DemoWorld build(DemoTables t, DemoSize size, Vocabulary main, Vocabulary other, Instant now, ZoneId zone,
                    Map<String, String> settings, SplittableRandom rnd) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant start = today.minusYears(size.years()).atStartOfDay(zone).toInstant();
        Instant hired = start.minus(30, ChronoUnit.DAYS);
        Vocabulary.City home = main.cities().get(0);

        long supervisorId = t.id("app_user");
        Names.Person boss = Names.person(main, rnd);
        t.supervisors.add(supervisorId, login(boss), boss.full(), login(boss) + "@" + main.texts().loginDomain(),
                PhoneBook.mobileNumber(home, rnd), null, "supervisor", null, true, true, hired);

        List<Long> teamIds = new ArrayList<>();
        for (String name : main.teamNames()) {
            String unique = name;
            for (int i = 2; repo.teamExists(unique); i++) {
                unique = name + " " + i;
            }
            long id = t.id("team");
            t.team.add(id, unique, supervisorId, hired);
            teamIds.add(id);
        }
        int managerCount = size.clients() >= 5_000 ? 20 : size.clients() >= 1_000 ? 10 : 6;
        List<DemoWorld.Manager> managers = new ArrayList<>();
        for (int i = 0; i < managerCount; i++) {
            long id = t.id("app_user");
            if (i == 0) {
                firstManagerId = id;
            }
            long teamId = teamIds.get(i % teamIds.size());
            Names.Person p = Names.person(main, rnd);
            String login = login(p);
            t.managers.add(id, login, p.full(), login + "@" + main.texts().loginDomain(),
                    PhoneBook.mobileNumber(home, rnd), null, "manager", teamId, false, true, hired);
            managers.add(new DemoWorld.Manager(id, teamId));
        }

        Map<String, Long> existingTags = repo.tagIdsByName();
        List<Long> tagIds = new ArrayList<>();
        for (String name : main.tags()) {
            Long id = existingTags.get(name);
            if (id == null) {
                id = t.id("tag");
                t.tag.add(id, name);
            }
            tagIds.add(id);
        }
        Map<String, Long> existingProducts = repo.productIdsBySku();
        List<Long> productIds = new ArrayList<>();
        for (Vocabulary.Product p : main.products()) {
            Long id = existingProducts.get(p.sku());
            if (id == null) {
                id = t.id("product");
                t.product.add(id, p.sku(), p.name(), p.unit(), BigDecimal.valueOf(p.price()));
            }
            productIds.add(id);
        }
        long templateId = t.id("task_template");
        t.taskTemplate.add(templateId, main.texts().templateTitle(), "other", "quarterly",
                today.withDayOfMonth(1), managers.get(0).id(), null, true);
        List<String> stages = main.texts().templateStages();
        for (int i = 0; i < stages.size(); i++) {
            t.taskTemplateStage.add(t.id("task_template_stage"), templateId, (i + 1) * 10, stages.get(i), i * 5,
                    i == 1 ? "call" : "other");
        }

        List<Pipeline> pipelines = referenceData.pipelines();
        return new DemoWorld(now, today, zone, start, main, other, supervisorId, managers, teamIds,
                plan(pipelines, ReferenceDataService.LEADGEN, 0.24),
                plan(pipelines, ReferenceDataService.SALES, 0.17),
                plan(pipelines, ReferenceDataService.CURRENT, 0.11),
                repo.leadSourceIds(), repo.lostReasonIds(), productIds, tagIds,
                new LifecycleRules(intSetting(settings, "lifecycle.fresh_days", 90),
                        intSetting(settings, "lifecycle.churn_days", 365)),
                intSetting(settings, "scoring.hot_min", 70), intSetting(settings, "scoring.warm_min", 40),
                intSetting(settings, "calls.callback_hours", 24));
    }

    private static DealPath.Plan plan(List<Pipeline> pipelines, String code, double losePerStage) {
        Pipeline p = pipelines.stream().filter(x -> x.code().equals(code)).findFirst()
                .orElseThrow(() -> new AppException("demo.error.noPipeline", code));
        try {
            return DealPath.Plan.of(p, losePerStage);
        } catch (IllegalStateException e) {
            throw new AppException("demo.error.noPipeline", e, code);
        }
    }

    private String login(Names.Person p) {
        String base = Names.latin(p.first()).charAt(0) + "." + Names.latin(p.last());
        String login = base;
        for (int i = 2; !logins.add(login) || repo.loginExists(login); i++) {
            login = base + i;
        }
        return login;
    }

    static int intSetting(Map<String, String> settings, String name, int fallback) {
        try {
            return Integer.parseInt(settings.getOrDefault(name, String.valueOf(fallback)).strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
