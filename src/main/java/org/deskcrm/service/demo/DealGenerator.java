package org.deskcrm.service.demo;

import org.deskcrm.model.common.Texts;
import org.deskcrm.model.deal.Stage;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

/**
 * A client's deals in time order, with lines, the full stage history, a sale (invoice) for every won
 * deal of the conversion and current-clients pipelines, the tasks and the proposals/meetings around
 * them. A client starts in lead generation (a private person directly in conversion); a won lead moves
 * it to conversion, a won conversion deal makes it a current client whose later deals are repeat sales.
 */
final class DealGenerator {
    private static final int[] SOURCE_SCORE = {20, 5, 30, 20, 10, 10};

    private final DemoWorld w;
    private final DemoTables t;
    private final Facts facts;
    private final long averageLine;

    DealGenerator(DemoWorld w, DemoTables t, Facts facts) {
        this.w = w;
        this.t = t;
        this.facts = facts;
        this.averageLine = w.main().products().stream().mapToLong(Vocabulary.Product::price).sum()
                / w.main().products().size() * 3;
    }

    void generate(ClientDraft c, int count, SplittableRandom rnd) {
        if (count == 0) {
            return;
        }
        Instant from = c.createdAt.plus(1, ChronoUnit.HOURS);
        Instant to = c.activeUntil.isBefore(w.now()) ? c.activeUntil : w.now().minus(2, ChronoUnit.HOURS);
        Instant[] created = Moments.sorted(count, from, to.isAfter(from) ? to : from, rnd);
        int phase = c.person ? 1 : 0;
        for (Instant at : created) {
            Instant when = Moments.officeHours(at, from, w.now(), w.zone(), rnd);
            DealPath.Plan plan = phase == 0 ? w.leadgen() : phase == 1 ? w.sales() : w.current();
            DealPath path = DealPath.simulate(plan, when, w.now(), rnd);
            deal(c, phase, path, rnd);
            if (path.won()) {
                phase = Math.min(2, phase + 1);
            }
        }
    }

    private void deal(ClientDraft c, int phase, DealPath path, SplittableRandom rnd) {
        long dealId = t.id("deal");
        DemoWorld.Manager owner = rnd.nextInt(100) < 90 ? c.owner : w.teammate(c.owner, rnd);
        Long contactId = c.contactIds.isEmpty() ? null
                : rnd.nextInt(100) < 70 ? c.primaryContact() : Names.pick(c.contactIds, rnd);
        Instant created = path.timeAt(0);
        int mainProduct = rnd.nextInt(w.productIds().size());
        Lines lines = phase == 0 ? new Lines(leadEstimate(mainProduct, rnd), null) : lines(dealId, mainProduct, rnd);
        long amountCents = lines.cents();
        BigDecimal amount = BigDecimal.valueOf(amountCents, 2);
        Vocabulary.Texts tx = c.vocab.texts();
        String product = w.product(mainProduct).name();
        String title = switch (phase) {
            case 0 -> String.format(tx.leadTitle(), c.name);
            case 1 -> String.format(tx.dealTitle(), product, c.name);
            default -> String.format(tx.repeatDealTitle(), product, c.name);
        };
        if (title.length() > 300) {
            title = title.substring(0, 300);
        }
        int score = score(c, phase, amountCents, rnd);
        String band = score >= w.hotMin() ? "hot" : score >= w.warmMin() ? "warm" : "cold";
        Long lostReason = path.lost() ? lostReason(rnd) : null;
        String lostNote = path.lost() && rnd.nextInt(100) < 30 ? Names.pick(c.vocab.lostNotes(), rnd) : null;
        Instant last = path.lastChange();
        LocalDate expected = path.open() ? expectedClose(created, rnd) : LocalDate.ofInstant(last, w.zone());
        t.deal.add(dealId, title, Texts.lower(title), c.id, contactId, owner.id(), path.plan.pipeline().id(),
                path.current().id(), amount, expected, c.sourceId, score, band, lostReason, lostNote,
                path.reachedOrder(), created, owner.id(), last, path.open() ? null : last, last, lines.mainProductId());
        for (int i = 0; i < path.size(); i++) {
            Stage from = i == 0 ? null : path.stageAt(i - 1);
            long by = rnd.nextInt(100) < 5 ? w.supervisorId() : owner.id();
            t.history.add(t.id("deal_stage_history"), dealId, from == null ? null : from.id(), path.stageAt(i).id(),
                    path.timeAt(i), i + 1 < path.size() ? path.timeAt(i + 1) : null, i == 0 ? owner.id() : by, amount);
        }
        if (phase == 0 || (c.person && phase == 1 && c.purchases == 0)) {
            facts.lead(c.sourceId, created);
        }
        if (path.won() && phase > 0) {
            sale(c, dealId, owner, amount, amountCents, last, rnd);
            facts.add(owner.id(), last, Facts.WON, 1);
        }
        activities(c, dealId, contactId, owner, phase, path, title, rnd);
        tasks(c, dealId, owner, phase, path, rnd);
    }

    private long leadEstimate(int product, SplittableRandom rnd) {
        long price = w.product(product).price();
        return price * (1 + rnd.nextInt(5)) * 100;
    }

    /** A deal's amount in cents and its main product (ADR 0031; null without lines). */
    private record Lines(long cents, Long mainProductId) {
    }

    /** Writes 1-3 lines and returns the deal amount and its main product: the largest line's, the first on a tie. */
    private Lines lines(long dealId, int mainProduct, SplittableRandom rnd) {
        int n = 1 + (rnd.nextInt(100) < 35 ? 1 + rnd.nextInt(2) : 0);
        long total = 0;
        long largest = -1;
        Long main = null;
        for (int i = 0; i < n; i++) {
            int p = i == 0 ? mainProduct : rnd.nextInt(w.productIds().size());
            Vocabulary.Product product = w.product(p);
            int qty = product.price() < averageLine / 30 ? 5 + rnd.nextInt(60) : 1 + rnd.nextInt(product.price() > averageLine ? 2 : 10);
            int roll = rnd.nextInt(100);
            int discount = roll < 70 ? 0 : roll < 85 ? 5 : roll < 95 ? 10 : 15;
            long cents = product.price() * 100 * qty * (100 - discount) / 100;
            total += cents;
            if (cents > largest) {
                largest = cents;
                main = w.productIds().get(p);
            }
            t.dealLine.add(t.id("deal_line"), dealId, w.productIds().get(p), BigDecimal.valueOf(qty),
                    BigDecimal.valueOf(product.price()), BigDecimal.valueOf(discount), BigDecimal.valueOf(cents, 2));
        }
        return new Lines(total, main);
    }

    private int score(ClientDraft c, int phase, long amountCents, SplittableRandom rnd) {
        int s = c.sourceIndex < SOURCE_SCORE.length ? SOURCE_SCORE[c.sourceIndex] : 10;
        s += amountCents > averageLine * 200 ? 20 : amountCents > averageLine * 100 ? 10 : 0;
        s += c.hasEmail ? 10 : 0;
        s += c.hasMessenger ? 5 : 0;
        s += phase == 2 ? 25 : c.purchases > 0 ? 15 : 0;
        s += rnd.nextInt(25);
        return Math.min(100, s);
    }

    private Long lostReason(SplittableRandom rnd) {
        int n = w.lostReasonIds().size();
        if (n == 0) {
            return null;
        }
        int i = Math.min(n - 1, (int) (Math.abs(rnd.nextGaussian()) * n / 2.5));
        return w.lostReasonIds().get(i);
    }

    private LocalDate expectedClose(Instant created, SplittableRandom rnd) {
        LocalDate planned = LocalDate.ofInstant(created, w.zone()).plusDays(14 + rnd.nextInt(45));
        if (planned.isBefore(w.today()) && rnd.nextInt(100) < 70) {
            planned = w.today().plusDays(1 + rnd.nextInt(30)); // re-planned
        }
        return planned;
    }

    private void sale(ClientDraft c, long dealId, DemoWorld.Manager owner, BigDecimal amount, long cents,
                      Instant wonAt, SplittableRandom rnd) {
        long saleId = t.id("sale");
        LocalDate day = LocalDate.ofInstant(wonAt, w.zone());
        int[] terms = {0, 7, 14, 14, 30};
        LocalDate due = day.plusDays(terms[rnd.nextInt(terms.length)]);
        long overdueDays = ChronoUnit.DAYS.between(due, w.today());
        int roll = rnd.nextInt(100);
        int fullShare = overdueDays < 0 ? 40 : overdueDays <= 60 ? 75 : 95;
        int partialShare = overdueDays < 0 ? 15 : overdueDays <= 60 ? 10 : 2;
        long paidCents = roll < fullShare ? cents : roll < fullShare + partialShare ? cents / 2 : 0;
        LocalDate paidOn = null;
        if (paidCents > 0) {
            LocalDate latest = due.plusDays(10).isBefore(w.today()) ? due.plusDays(10) : w.today();
            long span = Math.max(0, ChronoUnit.DAYS.between(day, latest));
            paidOn = day.plusDays(span == 0 ? 0 : rnd.nextLong(span + 1));
        }
        t.sale.add(saleId, c.id, dealId, owner.id(), String.format(c.vocab.texts().invoiceNo(), saleId), day, amount,
                due, BigDecimal.valueOf(paidCents, 2), paidOn, null, wonAt);
        c.purchase(day);
        facts.add(owner.id(), day, Facts.REVENUE, cents / 100.0);
    }

    private void activities(ClientDraft c, long dealId, Long contactId, DemoWorld.Manager owner, int phase,
                            DealPath path, String title, SplittableRandom rnd) {
        if (phase == 0) {
            return;
        }
        Vocabulary.Texts tx = c.vocab.texts();
        Instant proposal = path.reachedAt(1);
        if (proposal != null) {
            t.activity.add(t.id("activity"), "proposal", c.id, contactId, dealId, owner.id(), proposal,
                    String.format(tx.proposalSubject(), title), null, proposal);
            facts.add(owner.id(), proposal, Facts.PROPOSALS, 1);
        }
        Instant negotiation = path.reachedAt(2);
        if (negotiation != null && rnd.nextInt(100) < 60) {
            Instant at = negotiation.minus(rnd.nextInt(48), ChronoUnit.HOURS);
            if (at.isBefore(path.timeAt(0))) {
                at = negotiation;
            }
            t.activity.add(t.id("activity"), "meeting", c.id, contactId, dealId, owner.id(), at,
                    String.format(tx.meetingSubject(), c.name), null, at);
            facts.add(owner.id(), at, Facts.MEETINGS, 1);
            c.contacted(at);
        }
    }

    private void tasks(ClientDraft c, long dealId, DemoWorld.Manager owner, int phase, DealPath path,
                       SplittableRandom rnd) {
        Vocabulary.Texts tx = c.vocab.texts();
        Instant now = w.now();
        if (path.open()) {
            if (rnd.nextInt(100) >= 85) {
                return; // an open deal without a next step: a control indicator
            }
            int stage = path.indexAt(path.size() - 1);
            String kind = phase == 0 ? "call" : stage == 1 ? "proposal" : stage == 2 ? "meeting" : "call";
            Instant due = now.plus(Duration.ofMinutes(rnd.nextLong(-5 * 1440, 14 * 1440)));
            due = Moments.officeHours(due, due.minus(1, ChronoUnit.DAYS), due.plus(1, ChronoUnit.DAYS), w.zone(), rnd);
            Instant remind = due.minus(30, ChronoUnit.MINUTES);
            Instant created = path.lastChange().isBefore(due) ? path.lastChange() : due.minus(1, ChronoUnit.DAYS);
            t.task.add(t.id("task"), title(tx, kind, c.name), null, kind, "open", due, remind,
                    remind.isBefore(now) ? remind : null, owner.id(), null, c.id, dealId, null, null, null, null,
                    created, owner.id(), created);
            return;
        }
        int roll = rnd.nextInt(100);
        if (roll >= 30) {
            return;
        }
        Instant start = path.timeAt(0);
        Instant end = path.lastChange();
        Instant done = Moments.between(start, end, rnd);
        Instant due = done.plus(Duration.ofMinutes(rnd.nextLong(-2 * 1440, 2 * 1440)));
        if (due.isBefore(start)) {
            due = start;
        }
        String kind = phase == 0 ? "call" : rnd.nextInt(100) < 50 ? "call" : "email";
        boolean cancelled = roll < 2;
        t.task.add(t.id("task"), title(tx, kind, c.name), null, kind, cancelled ? "cancelled" : "done", due,
                null, null, owner.id(), null, c.id, dealId, null,
                cancelled ? null : Names.pick(c.vocab.taskResults(), rnd), cancelled ? null : 5 + rnd.nextInt(60),
                cancelled ? null : done, start, owner.id(), cancelled ? due : done);
    }

    static String title(Vocabulary.Texts tx, String kind, String client) {
        String format = switch (kind) {
            case "call" -> tx.callTask();
            case "meeting" -> tx.meetingTask();
            case "email" -> tx.emailTask();
            case "proposal" -> tx.proposalTask();
            default -> tx.otherTask();
        };
        String title = String.format(format, client);
        return title.length() > 300 ? title.substring(0, 300) : title;
    }
}
