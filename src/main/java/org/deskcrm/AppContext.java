package org.deskcrm;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.DatabaseConfig;
import org.deskcrm.persistence.AuditRepository;
import org.deskcrm.persistence.CallRepository;
import org.deskcrm.persistence.ClientRepository;
import org.deskcrm.persistence.DealRepository;
import org.deskcrm.persistence.PipelineRepository;
import org.deskcrm.persistence.SaleRepository;
import org.deskcrm.persistence.StatsRepository;
import org.deskcrm.persistence.TaskRepository;
import org.deskcrm.persistence.SettingsRepository;
import org.deskcrm.persistence.UserRepository;
import org.deskcrm.persistence.CallLogRepository;
import org.deskcrm.persistence.ControlRepository;
import org.deskcrm.persistence.MissedCallRepository;
import org.deskcrm.persistence.TaskListRepository;
import org.deskcrm.persistence.TaskTemplateRepository;
import org.deskcrm.service.call.CallImportService;
import org.deskcrm.service.call.CallService;
import org.deskcrm.service.call.MissedCallService;
import org.deskcrm.service.control.ControlService;
import org.deskcrm.service.notify.NotificationCenter;
import org.deskcrm.service.task.TaskService;
import org.deskcrm.service.task.TaskTemplateService;
import org.deskcrm.service.client.ClientService;
import org.deskcrm.service.client.ClientListService;
import org.deskcrm.service.client.ClientTimelineService;
import org.deskcrm.persistence.ClientListRepository;
import org.deskcrm.persistence.TimelineRepository;
import org.deskcrm.service.client.PhoneNormalizer;
import org.deskcrm.service.demo.DemoDataService;
import org.deskcrm.service.settings.ReferenceDataService;
import org.deskcrm.service.report.ReportCatalog;
import org.deskcrm.service.report.ReportSupport;

import org.deskcrm.service.search.GlobalSearchService;
import org.deskcrm.service.user.AuthService;
import org.deskcrm.service.user.LoginThrottle;
import org.deskcrm.service.user.PasswordHasher;
import org.deskcrm.service.user.Session;
import org.deskcrm.service.user.UserAdminService;
import org.deskcrm.service.export.ExportService;
import org.deskcrm.service.export.ListExports;
import org.deskcrm.service.backup.BackupService;
import org.deskcrm.persistence.backup.BackupRepository;
import org.deskcrm.persistence.backup.RestoreRepository;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Composition root: builds every repository and service once, by constructor injection.
 * The window and the command line both start here, so they run the same code paths.
 */
public final class AppContext implements AutoCloseable {
    private final Database database;
    private final UserRepository users;
    private final PipelineRepository pipelines;
    private final SettingsRepository settings;
    private final PhoneNormalizer phones;
    private final org.deskcrm.service.settings.BusinessCurrency currency;
    private final ReferenceDataService referenceData;
    private final DemoDataService demoData;
    private final AuditRepository audit;
    private final ClientRepository clientRepository;
    private final DealRepository deals;
    private final SaleRepository sales;
    private final CallRepository calls;
    private final TaskRepository tasks;
    private final StatsRepository stats;
    private final ClientService clients;
    private final DealFeature dealFeature;
    private final ClientListService clientList;
    private final ClientTimelineService clientTimeline;
    private final Clock clock;
    private final NotificationCenter notifications;
    private final MissedCallService missedCalls;
    private final CallService callService;
    private final CallImportService callImport;
    private final TaskService taskService;
    private final TaskTemplateService taskTemplates;
    private final ControlService control;
    private final ReportCatalog reports;
    private final GlobalSearchService globalSearch;
    private final ImportFeature imports;
    private final ZoneId businessZone;
    private final Session session = new Session();
    private final AuthService auth;
    private final UserAdminService userAdmin;
    private final ExportService exports;
    private final BackupService backup;
    private final MergeFeature merge;

    public AppContext(Database database) {
        this(database, Clock.systemDefaultZone());
    }

    public AppContext(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.users = new UserRepository(database);
        this.pipelines = new PipelineRepository(database);
        this.settings = new SettingsRepository(database);
        this.phones = new PhoneNormalizer(settings.get("calls.default_region").orElse("RU"));
        this.currency = new org.deskcrm.service.settings.BusinessCurrency(settings, phones);
        this.referenceData = new ReferenceDataService(pipelines, users);
        this.demoData = new DemoDataService(database, phones, referenceData, clock);
        this.audit = new AuditRepository(database);
        this.clientRepository = new ClientRepository(database);
        this.deals = new DealRepository(database);
        this.sales = new SaleRepository(database);
        this.calls = new CallRepository(database);
        this.tasks = new TaskRepository(database);
        this.stats = new StatsRepository(database);
        this.clients = new ClientService(database, clientRepository, audit, phones, clock);
        this.notifications = new NotificationCenter();
        MissedCallRepository missRepo = new MissedCallRepository(database);
        CallLogRepository callLog = new CallLogRepository(database);
        this.missedCalls = new MissedCallService(database, missRepo, settings, notifications, clock);
        this.callService = new CallService(database, calls, callLog, missRepo, missedCalls, clients, audit, phones, clock);
        this.callImport = new CallImportService(database, calls, callLog, missedCalls, settings, audit, phones, clock);
        this.taskService = new TaskService(database, tasks, new TaskListRepository(database), settings, audit, clock);
        this.taskTemplates = new TaskTemplateService(database, new TaskTemplateRepository(database), taskService, clock);
        this.control = new ControlService(new ControlRepository(database), missRepo, settings, clients.validator(), clock);
        this.dealFeature = new DealFeature(database, deals, pipelines, sales, clientRepository, audit, settings, clock);
        this.businessZone = taskService.zone();
        this.globalSearch = new GlobalSearchService(clients, deals, clientRepository);
        this.reports = new ReportCatalog(new ReportSupport(database, settings, clock).restrictedTo(session::scope));
        this.clientList = new ClientListService(new ClientListRepository(database), clients, users, pipelines,
                settings);
        this.clientTimeline = new ClientTimelineService(new TimelineRepository(database), tasks, clock);
        this.imports = new ImportFeature(database, audit, settings, phones, dealFeature, clock);
        // visibility: every read of these services is restricted to what the signed-in user may see
        clients.restrictedTo(session::scope);
        clientList.restrictedTo(session::scope);
        clientTimeline.restrictedTo(session::scope);
        globalSearch.restrictedTo(session::scope);
        callService.restrictedTo(session::scope);
        taskService.restrictedTo(session::scope);
        dealFeature.deals().restrictedTo(session::scope);
        control.restrictedTo(session::scope);
        this.merge = new MergeFeature(database, clientRepository, dealFeature, audit, clock, session::scope);
        this.auth = new AuthService(users, audit, new PasswordHasher(), new LoginThrottle(clock, new org.deskcrm.persistence.user.SignInFailureRepository(database)), session, clock);
        if (!database.isSchemaOwner()) { // a person's own PostgreSQL login: only that person signs in (ADR 0015)
            this.auth.restrictToConnectionLogin(database.config().user());
            this.auth.changeConnectionPasswordWith(new org.deskcrm.persistence.user.DatabaseRoles(database)::changeOwnPassword);
        }
        this.userAdmin = new UserAdminService(database, users, audit, auth, clock);
        this.exports = new ExportService(new ListExports(clientList, new org.deskcrm.persistence.DealQueryRepository(database),
                callLog, new TaskListRepository(database), taskService, users, pipelines, businessZone), users, audit,
                reports.support()::exporter, clock);
        this.backup = new BackupService(new BackupRepository(database, clock), new RestoreRepository(database))
                .audited(audit, users, clock, session::userId).restrictedTo(session::isAdmin);
    }

    /** Opens (and upgrades) the database and wires everything on top of it. */
    public static AppContext open(DatabaseConfig config) {
        return new AppContext(Database.open(config));
    }

    /** {@link #open} for the window: the schema's comparison with the migrations runs in the background. */
    public static AppContext openForWindow(DatabaseConfig config) {
        return openForWindow(config, step -> { });
    }

    /** {@link #openForWindow(DatabaseConfig)}; {@code openingSteps} hears the steps of building missing totals. */
    public static AppContext openForWindow(DatabaseConfig config, java.util.function.Consumer<String> openingSteps) {
        return new AppContext(Database.openCheckingInBackground(config, openingSteps));
    }

    /**
     * Creates the records a new installation starts with (administrator, the three pipelines, lost
     * reasons, lead sources, default scoring rules) where they are missing; names in {@code locale}.
     * Returns the administrator's id, the user the window acts as until sign-in exists.
     */
    public long ensureReferenceData(Locale locale) {
        referenceData.ensureDefaults(locale);
        dealFeature.scoring().ensureDefaultRules(locale);
        return users.findByLogin(ReferenceDataService.ADMIN_LOGIN).orElseThrow().id();
    }

    /**
     * The business time zone (setting {@code business.time_zone}) as read when the database was opened;
     * screens use it to show and enter dates without reading settings on the FX thread.
     */
    public ZoneId businessZone() {
        return businessZone;
    }

    /** The global search of the window: clients by name, phone, email, INN, and deals by title. */
    public GlobalSearchService globalSearch() {
        return globalSearch;
    }

    /** Who is signed in to this window (nobody: the command line's system actor, who sees everything). */
    public Session session() {
        return session;
    }

    /** Sign-in, sign-out and passwords. */
    public AuthService auth() {
        return auth;
    }

    /** The administrator's user and team management. */
    public UserAdminService userAdmin() {
        return userAdmin;
    }

    public Database database() {
        return database;
    }

    public UserRepository users() {
        return users;
    }

    public PipelineRepository pipelines() {
        return pipelines;
    }

    public SettingsRepository settings() {
        return settings;
    }

    public PhoneNormalizer phones() {
        return phones;
    }

    /** The currency amounts are written in (Settings; else the business region's). */
    public org.deskcrm.service.settings.BusinessCurrency currency() {
        return currency;
    }

    /** The business region national phone numbers are read in (Settings; first start; demo data). */
    public org.deskcrm.service.settings.BusinessRegionService businessRegion() {
        return new org.deskcrm.service.settings.BusinessRegionService(settings, phones);
    }

    public ReferenceDataService referenceData() {
        return referenceData;
    }

    public DemoDataService demoData() {
        return demoData;
    }

    public AuditRepository audit() {
        return audit;
    }

    public DealRepository deals() {
        return deals;
    }

    public SaleRepository sales() {
        return sales;
    }

    public CallRepository calls() {
        return calls;
    }

    public TaskRepository tasks() {
        return tasks;
    }

    public StatsRepository stats() {
        return stats;
    }

    public ClientService clients() {
        return clients;
    }

    /** Deals, pipelines, scoring, sales and needs. */
    public DealFeature dealFeature() {
        return dealFeature;
    }

    public ReportCatalog reports() {
        return reports;
    }

    /** The goals editor's service (plans of managers and teams). */
    public org.deskcrm.service.goal.GoalService goals() {
        return new org.deskcrm.service.goal.GoalService(database, new org.deskcrm.persistence.GoalRepository(database),
                audit, session, clock);
    }

    /** The client list (keyset-paged, filtered) and the choices of its filters and of the card. */
    public ClientListService clientList() {
        return clientList;
    }

    /** Client timelines (calls, tasks, notes, deal moves, edits) and quick notes. */
    public ClientTimelineService clientTimeline() {
        return clientTimeline;
    }

    /** Import of clients, contacts, deals, calls and sales from files, and its saved profiles. */
    public ImportFeature imports() {
        return imports;
    }

    public Clock clock() {
        return clock;
    }

    public NotificationCenter notifications() {
        return notifications;
    }

    public MissedCallService missedCalls() {
        return missedCalls;
    }

    public CallService callService() {
        return callService;
    }

    public CallImportService callImport() {
        return callImport;
    }

    public TaskService taskService() {
        return taskService;
    }

    public TaskTemplateService taskTemplates() {
        return taskTemplates;
    }

    public ControlService control() {
        return control;
    }

    /** The home dashboard's figures, read from the reports and the control indicators. */
    public org.deskcrm.service.home.DashboardService home() {
        return new org.deskcrm.service.home.DashboardService(reports, control);
    }

    /** Exports of lists and reports (the export right, the event feed, streamed files). */
    public ExportService exports() {
        return exports;
    }

    /** The merge of two clients' cards. */
    public MergeFeature merge() {
        return merge;
    }

    /** Backup to one portable file and restore from it. */
    public BackupService backup() {
        return backup;
    }

    @Override
    public void close() {
        database.close();
    }
}
