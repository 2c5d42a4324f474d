-- Reference codes. Their display names live in the UI resource bundles (en, ru).
INSERT INTO user_role (code, rank_no) VALUES ('manager', 1), ('supervisor', 2), ('admin', 3);

INSERT INTO lifecycle_status (code, sort_order) VALUES
    ('potential', 1), ('new_one_time', 2), ('old_one_time', 3), ('regular', 4), ('churned', 5);

INSERT INTO channel_kind (code, sort_order) VALUES
    ('phone', 1), ('email', 2), ('whatsapp', 3), ('telegram', 4);

INSERT INTO stage_kind (code) VALUES ('open'), ('won'), ('lost');

INSERT INTO call_status (code, sort_order) VALUES
    ('answered', 1), ('missed', 2), ('no_answer', 3), ('busy', 4), ('failed', 5);

INSERT INTO task_kind (code, sort_order) VALUES
    ('call', 1), ('meeting', 2), ('email', 3), ('proposal', 4), ('request', 5), ('other', 6);

INSERT INTO task_status (code) VALUES ('open'), ('done'), ('cancelled');

INSERT INTO activity_kind (code, sort_order) VALUES
    ('note', 1), ('meeting', 2), ('proposal', 3), ('email', 4);

INSERT INTO goal_metric (code, sort_order) VALUES
    ('revenue', 1), ('won_deals', 2), ('new_clients', 3), ('calls', 4), ('meetings', 5), ('proposals', 6);

INSERT INTO phone_list_kind (code, sort_order) VALUES
    ('blacklist', 1), ('job_seekers', 2), ('personal', 3), ('spam', 4);

INSERT INTO app_setting (name, val) VALUES
    ('lifecycle.fresh_days', '90'),
    ('lifecycle.churn_days', '365'),
    ('control.forgotten_days', '90'),
    ('calls.callback_hours', '24'),
    ('calls.default_region', 'RU'),
    ('scoring.hot_min', '70'),
    ('scoring.warm_min', '40'),
    ('abc.a_share', '80'),
    ('abc.b_share', '15'),
    ('xyz.x_max_cv', '10'),
    ('xyz.y_max_cv', '25'),
    ('business.time_zone', 'Europe/Moscow');

INSERT INTO activity_plan (user_id, metric, per_day) VALUES
    (NULL, 'outgoing_calls', 50), (NULL, 'answered_calls', 30), (NULL, 'meetings', 3),
    (NULL, 'proposals', 10), (NULL, 'tasks_done', 10);
