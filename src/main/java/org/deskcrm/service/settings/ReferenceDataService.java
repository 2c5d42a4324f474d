package org.deskcrm.service.settings;

import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.deal.Stage;
import org.deskcrm.model.deal.StageKind;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.PipelineRepository;
import org.deskcrm.persistence.UserRepository;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Fills an empty database with what every installation starts from: the three pipelines the seeds
 * recommend (lead generation, lead conversion, current clients) with their stages, lost reasons,
 * lead sources, and the administrator account. Names come from the {@code defaults} bundle in the
 * installation's language; codes are fixed. Running it again changes nothing.
 */
public class ReferenceDataService {
    public static final String LEADGEN = "leadgen";
    public static final String SALES = "sales";
    public static final String CURRENT = "current";
    public static final String ADMIN_LOGIN = "admin";

    private final PipelineRepository pipelines;
    private final UserRepository users;

    public ReferenceDataService(PipelineRepository pipelines, UserRepository users) {
        this.pipelines = pipelines;
        this.users = users;
    }

    /** Creates the defaults that are missing; returns true when anything was created. */
    public boolean ensureDefaults(Locale locale) {
        ResourceBundle b = ResourceBundle.getBundle("org.deskcrm.i18n.defaults", locale);
        boolean created = false;
        if (users.findByLogin(ADMIN_LOGIN).isEmpty()) {
            users.insert(User.draft(ADMIN_LOGIN, b.getString("user.admin"), Role.ADMIN, null), null);
            created = true;
        }
        if (pipelines.count() == 0) {
            int order = 1;
            for (String code : List.of(LEADGEN, SALES, CURRENT)) {
                pipelines.create(code, b.getString("pipeline." + code), order++, stages(b, code));
            }
            int i = 1;
            for (String key : b.getString("lostReasons").split("\\|")) {
                pipelines.addLostReason(key.strip(), i++);
            }
            for (String key : b.getString("leadSources").split("\\|")) {
                pipelines.addLeadSource(key.strip());
            }
            created = true;
        }
        return created;
    }

    /** Stages of a default pipeline: "name;kind;probability;maxDays" entries separated by '|'. */
    static List<Stage> stages(ResourceBundle b, String pipelineCode) {
        List<Stage> list = new ArrayList<>();
        int order = 1;
        for (String spec : b.getString("stages." + pipelineCode).split("\\|")) {
            String[] p = spec.split(";");
            Integer maxDays = p.length > 3 && !p[3].isBlank() ? Integer.valueOf(p[3].strip()) : null;
            list.add(Stage.draft(p[0].strip(), order++ * 10, StageKind.ofCode(p[1].strip()),
                    Integer.parseInt(p[2].strip()), maxDays));
        }
        return list;
    }

    public List<Pipeline> pipelines() {
        return pipelines.findAll();
    }
}
