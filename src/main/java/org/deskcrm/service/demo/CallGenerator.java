package org.deskcrm.service.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The call log: a client's calls on its phones during the time it was active (incoming and outgoing;
 * answered, missed, not answered, busy), missed incoming calls under callback control (most called
 * back within hours, some escalated, the newest still open), and calls from numbers that match no
 * card, a few of them put on the blacklist/spam/job-seeker lists.
 */
final class CallGenerator {
    private static final String[] LISTS = {"spam", "job_seekers", "personal", "blacklist"};

    private final DemoWorld w;
    private final DemoTables t;
    private final Facts facts;
    private final PhoneBook book;

    CallGenerator(DemoWorld w, DemoTables t, Facts facts, PhoneBook book) {
        this.w = w;
        this.t = t;
        this.facts = facts;
        this.book = book;
    }

    void generate(ClientDraft c, int count, SplittableRandom rnd) {
        if (count == 0 || c.phones.isEmpty()) {
            return;
        }
        Instant end = c.activeUntil.plus(30, ChronoUnit.DAYS);
        Instant limit = w.now().minus(1, ChronoUnit.MINUTES);
        Instant to = end.isBefore(limit) ? end : limit;
        Instant[] times = Moments.sorted(count, c.createdAt, to, rnd);
        int left = count;
        for (int i = 0; i < times.length && left > 0; i++) {
            int p = rnd.nextInt(c.phones.size());
            String e164 = c.phones.get(p);
            Long contactId = c.phoneContacts.get(p);
            DemoWorld.Manager user = rnd.nextInt(100) < 90 ? c.owner : w.teammate(c.owner, rnd);
            Instant at = Moments.officeHours(times[i], c.createdAt, to, w.zone(), rnd);
            boolean incoming = rnd.nextInt(100) < 45;
            String status = incoming ? (rnd.nextInt(100) < 78 ? "answered" : "missed") : outgoingStatus(rnd);
            long callId = call(c.vocab, incoming, status, at, e164, c.id, contactId, user.id(), rnd);
            left--;
            if ("answered".equals(status)) {
                c.contacted(at);
            }
            if ("missed".equals(status)) {
                Long callback = null;
                Instant back = at.plus(Duration.ofMinutes(5 + rnd.nextInt(30 * 60)));
                if (left > 0 && rnd.nextInt(100) < 80 && back.isBefore(limit)) {
                    callback = call(c.vocab, false, "answered", back, e164, c.id, contactId, user.id(), rnd);
                    left--;
                    c.contacted(back);
                }
                Instant due = at.plus(w.callbackHours(), ChronoUnit.HOURS);
                Instant resolved = callback == null ? null : back;
                boolean escalated = resolved == null ? due.isBefore(w.now()) : resolved.isAfter(due);
                t.missedCall.add(callId, c.owner.id(), due, at, escalated ? due : null, resolved, callback);
            }
        }
    }

    private static String outgoingStatus(SplittableRandom rnd) {
        int roll = rnd.nextInt(100);
        return roll < 62 ? "answered" : roll < 88 ? "no_answer" : roll < 98 ? "busy" : "failed";
    }

    private long call(Vocabulary v, boolean incoming, String status, Instant at, String e164, Long clientId,
                      Long contactId, long userId, SplittableRandom rnd) {
        long id = t.id("phone_call");
        boolean answered = "answered".equals(status);
        int duration = answered ? 15 + (int) Math.min(3600, Math.exp(4.6 + rnd.nextGaussian() * 0.9)) : 0;
        String note = answered && clientId != null && rnd.nextInt(100) < 35 ? Names.pick(v.callNotes(), rnd) : null;
        String recording = answered && rnd.nextInt(100) < 50 ? "https://pbx.demo-crm.example/rec/" + id + ".mp3" : null;
        t.call.add(id, incoming ? "in" : "out", status, at, duration, book.pbx(e164, rnd), e164, clientId, contactId,
                userId, note, recording, at);
        facts.add(userId, at, Facts.CALLS, 1);
        return id;
    }

    /** Calls from and to numbers that match no card; some of the numbers go on the phone lists. */
    void unknown(int count, boolean listEntries, SplittableRandom rnd) {
        if (count == 0) {
            return;
        }
        List<String> pool = new ArrayList<>();
        int poolSize = Math.max(3, count / 4);
        for (int i = 0; i < poolSize; i++) {
            Vocabulary.City city = Names.pick(w.main().cities(), rnd);
            pool.add(rnd.nextInt(100) < 70 ? PhoneBook.mobileNumber(city, rnd) : PhoneBook.cityNumber(city, rnd));
        }
        int listed = listEntries ? Math.min(200, poolSize / 10) : 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < listed; i++) {
            String e164 = pool.get(i);
            if (!seen.add(e164)) {
                continue;
            }
            Instant at = Moments.between(w.start(), w.now(), rnd);
            t.phoneList.add(t.id("phone_list_entry"), LISTS[i % LISTS.length], e164, book.typed(e164, rnd), null,
                    Names.pick(w.managers(), rnd).id(), at);
        }
        Instant[] times = Moments.sorted(count, w.start(), w.now().minus(1, ChronoUnit.MINUTES), rnd);
        for (Instant time : times) {
            String e164 = Names.pick(pool, rnd);
            long user = Names.pick(w.managers(), rnd).id();
            boolean incoming = rnd.nextInt(100) < 85;
            String status = incoming ? (rnd.nextInt(100) < 60 ? "answered" : "missed") : outgoingStatus(rnd);
            call(w.main(), incoming, status, time, e164, null, null, user, rnd);
        }
    }
}
