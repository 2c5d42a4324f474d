package org.deskcrm.service.imports;

import org.deskcrm.model.common.Texts;
import org.deskcrm.model.io.DuplicateMode;
import org.deskcrm.model.io.ImportRow;
import org.deskcrm.model.io.ImportedUser;
import org.deskcrm.model.io.RefKind;
import org.deskcrm.model.user.Role;
import org.deskcrm.persistence.imports.ReferenceWriteRepository;
import org.deskcrm.persistence.imports.ReferenceWriteRepository.Person;
import org.deskcrm.service.common.Progress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * People (and their teams). A row is the stored person with its login, else (no login, or a login
 * nobody has) the one person of its full name; a repeat of the file (same login, else same name)
 * is folded into the first row. A new person without a login gets one derived from the name
 * ({@link Logins}); nobody gets a password. A supervisor cell names a person — a row of the file, a
 * stored person, or else a new person with the role supervisor — who becomes the supervisor of the
 * row's team; a row with a supervisor but no team joins the supervisor's team, a team named after the
 * supervisor (created when missing). Matches update the person (merge) or are left alone (skip).
 */
final class UserPlanner extends Planner {
    /** A row read: the person and the supervisor's name as written. */
    private record Row(ImportedUser user, String supervisor) {
    }

    private final ReferenceWriteRepository people;
    private final List<Row> rows = new ArrayList<>();
    private final Map<Integer, Long> existingId = new HashMap<>();
    private final Map<String, Integer> inFileByLogin = new HashMap<>();
    private final Map<String, Integer> inFileByName = new HashMap<>();
    /** Supervisors named in the file that are neither a row nor a stored person: name key → name. */
    private final Map<String, String> newSupervisors = new LinkedHashMap<>();
    private Map<String, Person> storedByLogin;
    private Map<String, List<Person>> storedByName;
    private Set<String> taken;

    UserPlanner(RowCells cells, DuplicateMode mode, ReferenceWriteRepository people) {
        super(cells, mode);
        this.people = people;
    }

    private void loadStored() {
        if (storedByLogin != null) {
            return;
        }
        storedByLogin = new HashMap<>();
        storedByName = new HashMap<>();
        for (Person p : people.people()) {
            storedByLogin.put(Texts.lower(p.login()), p);
            storedByName.computeIfAbsent(RefKind.key(p.fullName()), k -> new ArrayList<>()).add(p);
        }
        taken = people.logins();
    }

    @Override
    void read(ImportRow row) {
        loadStored();
        cells.start(row);
        String fullName = cells.text("fullName");
        String login = cells.text("login");
        String roleCode = cells.code("role");
        Long team = cells.ref("team", null);
        String supervisor = cells.text("supervisor");
        String email = cells.email("email");
        String office = cells.text("office");
        Boolean active = cells.bool("active");
        if (!cells.ok()) {
            return;
        }
        Person stored = login == null ? null : storedByLogin.get(Texts.lower(login));
        if (stored == null) {
            List<Person> named = storedByName.getOrDefault(RefKind.key(fullName), List.of());
            if (named.size() > 1) {
                cells.issue("fullName", "imports.issue.ambiguous.owner", fullName, labels(named));
                return;
            }
            stored = named.isEmpty() ? null : named.get(0);
        }
        if (supervisor != null && storedByName.getOrDefault(RefKind.key(supervisor), List.of()).size() > 1) {
            cells.issue("supervisor", "imports.issue.ambiguous.owner", supervisor,
                    labels(storedByName.get(RefKind.key(supervisor))));
            return;
        }
        Integer first = login != null ? inFileByLogin.get(Texts.lower(login)) : null;
        first = first != null ? first : inFileByName.get(RefKind.key(fullName));
        String finalLogin = stored != null ? stored.login() : login;
        if (first == null && finalLogin == null) {
            finalLogin = Logins.derive(fullName, taken);
        } else if (first == null && stored == null) {
            taken.add(Texts.lower(finalLogin));
        }
        Row r = new Row(new ImportedUser(fullName, first != null ? rows.get(first).user().login() : finalLogin,
                roleCode == null ? null : Role.ofCode(roleCode), team, email, office, active), supervisor);
        if (first != null) {
            inFile++;
            if (mode == DuplicateMode.MERGE) {
                rows.set(first, r); // the later row wins, like a later edit
            }
            return;
        }
        int index = rows.size();
        rows.add(r);
        inFileByLogin.put(Texts.lower(r.user().login()), index);
        inFileByName.putIfAbsent(RefKind.key(fullName), index);
        if (stored != null) {
            existingId.put(index, stored.id());
        }
    }

    private static String labels(List<Person> named) {
        return String.join(", ", named.stream().map(p -> p.fullName() + " (" + p.login() + ")").toList());
    }

    @Override
    void matchExisting() {
        existing = existingId.size();
        for (Row r : rows) {
            String s = r.supervisor();
            if (s != null && !inFileByName.containsKey(RefKind.key(s)) && !storedByName.containsKey(RefKind.key(s))
                    && !storedByLogin.containsKey(Texts.lower(s))) {
                newSupervisors.putIfAbsent(RefKind.key(s), s);
            }
        }
    }

    @Override
    int newCount() {
        return rows.size() - existingId.size() + newSupervisors.size();
    }

    @Override
    Written write(Long userId, Instant now, Progress progress) {
        Map<String, Long> teamByName = new HashMap<>();
        people.teams().forEach(t -> teamByName.put(RefKind.key(t.name()), t.id()));
        // a supervisor without a team of the file leads a team named after the supervisor
        Map<String, Long> teamOfSupervisor = new HashMap<>();
        for (Row r : rows) {
            if (r.supervisor() != null && r.user().teamId() == null) {
                String key = RefKind.key(r.supervisor());
                teamOfSupervisor.computeIfAbsent(key, k -> teamByName.computeIfAbsent(k,
                        x -> people.insertTeam(r.supervisor(), null)));
            }
        }
        Map<String, Long> idByName = new HashMap<>();
        int created = 0;
        for (Map.Entry<String, String> s : newSupervisors.entrySet()) {
            checkCancel(progress);
            idByName.put(s.getKey(), people.insertUser(new ImportedUser(s.getValue(), Logins.derive(s.getValue(), taken),
                    Role.SUPERVISOR, teamOfSupervisor.get(s.getKey()), null, null, null)));
            created++;
        }
        int merged = 0;
        Map<Long, String> supervisorOfTeam = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            checkCancel(progress);
            Row r = rows.get(i);
            String own = RefKind.key(r.user().fullName());
            ImportedUser u = r.user();
            if (u.teamId() == null && r.supervisor() != null) {
                u = u.withTeam(teamOfSupervisor.get(RefKind.key(r.supervisor())));
            } else if (u.teamId() == null && teamOfSupervisor.containsKey(own)) {
                u = u.withTeam(teamOfSupervisor.get(own)); // the supervisor's own row joins the team it leads
            }
            if (u.role() == null && teamOfSupervisor.containsKey(own) && !existingId.containsKey(i)) {
                u = u.withRole(Role.SUPERVISOR);
            }
            Long id = existingId.get(i);
            if (id == null) {
                id = people.insertUser(u);
                created++;
            } else if (mode == DuplicateMode.MERGE) {
                people.updateUser(id, u);
                merged++;
            }
            idByName.putIfAbsent(own, id);
            if (r.supervisor() != null && u.teamId() != null) {
                supervisorOfTeam.put(u.teamId(), r.supervisor());
            }
        }
        for (Map.Entry<Long, String> e : supervisorOfTeam.entrySet()) {
            Long supervisor = supervisorId(e.getValue(), idByName);
            if (supervisor != null) {
                people.setTeamSupervisor(e.getKey(), supervisor);
            }
        }
        progress.update("imports.progress.writing", rows.size(), rows.size());
        boolean merge = mode == DuplicateMode.MERGE;
        return new Written(created, merged + (merge ? inFile : 0), merge ? 0 : inFile + existingId.size());
    }

    private Long supervisorId(String name, Map<String, Long> idByName) {
        Long id = idByName.get(RefKind.key(name));
        if (id != null) {
            return id;
        }
        List<Person> named = storedByName.getOrDefault(RefKind.key(name), List.of());
        if (named.size() == 1) {
            return named.get(0).id();
        }
        Person byLogin = storedByLogin.get(Texts.lower(name));
        return byLogin == null ? null : byLogin.id();
    }
}
