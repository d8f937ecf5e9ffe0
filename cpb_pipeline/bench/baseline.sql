-- Baseline for `make bench`: the LCS indicators of docs/indicators.md for one month, by district,
-- computed by one plain DuckDB script straight from the CSV files. No pseudonymising,
-- no validation, no warehouse, no Dagster: the least work that gives the same figures.
-- Placeholders: {folder} (the month's extract folder), {month_end} (YYYY-MM-DD),
-- {districts} (a quoted, comma-separated list) and {other_area}.

CREATE TEMP TABLE person AS SELECT * FROM read_csv('{folder}/ssd_person.csv', header = true, all_varchar = true);
CREATE TEMP TABLE dept AS SELECT * FROM read_csv('{folder}/ssd_department.csv', header = true, all_varchar = true);
CREATE TEMP TABLE invo AS SELECT * FROM read_csv('{folder}/ssd_involvements.csv', header = true, all_varchar = true);
CREATE TEMP TABLE cin AS SELECT * FROM read_csv('{folder}/ssd_cin_plans.csv', header = true, all_varchar = true);
CREATE TEMP TABLE cp AS SELECT * FROM read_csv('{folder}/ssd_cp_plans.csv', header = true, all_varchar = true);
CREATE TEMP TABLE cla AS SELECT * FROM read_csv('{folder}/ssd_cla_episodes.csv', header = true, all_varchar = true);
CREATE TEMP TABLE health AS SELECT * FROM read_csv('{folder}/ssd_cla_health.csv', header = true, all_varchar = true);
CREATE TEMP TABLE leavers AS SELECT * FROM read_csv('{folder}/ssd_care_leavers.csv', header = true, all_varchar = true);
CREATE TEMP TABLE clar AS SELECT * FROM read_csv('{folder}/ssd_cla_reviews.csv', header = true, all_varchar = true);
CREATE TEMP TABLE cppr AS SELECT * FROM read_csv('{folder}/ssd_cp_reviews.csv', header = true, all_varchar = true);

CREATE MACRO d(x) AS CAST(coalesce(try_strptime(nullif(trim(x), ''), '%Y-%m-%d'), try_strptime(nullif(trim(x), ''), '%d/%m/%Y')) AS DATE);
CREATE MACRO c(x) AS lower(regexp_replace(x, '\s', '', 'g'));
CREATE MACRO is_open(s, e) AS d(s) <= DATE '{month_end}' AND (d(e) IS NULL OR d(e) > DATE '{month_end}');
CREATE MACRO within(x, n) AS d(x) > CAST(DATE '{month_end}' - to_months(n) AS DATE) AND d(x) <= DATE '{month_end}';
CREATE MACRO in_month(x) AS d(x) >= date_trunc('month', DATE '{month_end}') AND d(x) <= DATE '{month_end}';

CREATE TEMP TABLE team_area AS
SELECT trim(dept_team_id) AS team,
       CASE WHEN trim(dept_team_parent_name) IN ({districts}) THEN trim(dept_team_parent_name) ELSE '{other_area}' END AS area
FROM dept;

CREATE TEMP TABLE child_area AS
SELECT person, coalesce(t.area, '{other_area}') AS area FROM (
    SELECT trim(invo_person_id) AS person, trim(invo_professional_team) AS team,
           row_number() OVER (PARTITION BY trim(invo_person_id)
                              ORDER BY d(invo_involvement_start_date) DESC, TRY_CAST(invo_involvements_id AS HUGEINT) DESC) AS pick
    FROM invo WHERE is_open(invo_involvement_start_date, invo_involvement_end_date)
) i LEFT JOIN team_area t USING (team) WHERE pick = 1;

CREATE TEMP TABLE cla_open AS
SELECT person, entered FROM (
    SELECT trim(clae_person_id) AS person, d(clae_entered_care_date) AS entered,
           row_number() OVER (PARTITION BY trim(clae_person_id) ORDER BY d(clae_cla_episode_start_date) DESC) AS pick
    FROM cla WHERE is_open(clae_cla_episode_start_date, clae_cla_episode_ceased_date)
) WHERE pick = 1;

CREATE TEMP TABLE contributions AS
SELECT 'cin_plans' AS indicator_id, area, 1 AS num, 0 AS den FROM (
    SELECT coalesce(t.area, '{other_area}') AS area,
           row_number() OVER (PARTITION BY trim(cinp_person_id)
                              ORDER BY d(cinp_cin_plan_start_date) DESC, TRY_CAST(cinp_cin_plan_id AS HUGEINT) DESC) AS pick
    FROM cin LEFT JOIN team_area t ON t.team = trim(cinp_cin_plan_team)
    WHERE is_open(cinp_cin_plan_start_date, cinp_cin_plan_end_date)
) WHERE pick = 1
UNION ALL
SELECT 'cp_plans', coalesce(a.area, '{other_area}'), 1, 0
FROM (SELECT DISTINCT trim(cppl_person_id) AS person FROM cp WHERE is_open(cppl_cp_plan_start_date, cppl_cp_plan_end_date)) p
LEFT JOIN child_area a USING (person)
UNION ALL
SELECT 'cla', coalesce(a.area, '{other_area}'), 1, 0 FROM cla_open LEFT JOIN child_area a USING (person)
UNION ALL
SELECT 'cla_health_assessment', coalesce(a.area, '{other_area}'),
       CASE WHEN EXISTS (SELECT 1 FROM health h WHERE trim(h.clah_person_id) = o.person
                           AND c(h.clah_health_check_type) = 'healthassessment' AND c(h.clah_health_check_status) = 'completed'
                           AND within(h.clah_health_check_date,
                                      CASE WHEN date_part('year', age(DATE '{month_end}', CAST(date_trunc('month', d(p.pers_dob)) AS DATE))) < 5 THEN 6 ELSE 12 END))
            THEN 1 ELSE 0 END, 1
FROM cla_open o LEFT JOIN person p ON trim(p.pers_person_id) = o.person LEFT JOIN child_area a ON a.person = o.person
WHERE o.entered <= CAST(DATE '{month_end}' - INTERVAL 12 MONTH AS DATE)
UNION ALL
SELECT 'cla_dental_check', coalesce(a.area, '{other_area}'),
       CASE WHEN EXISTS (SELECT 1 FROM health h WHERE trim(h.clah_person_id) = o.person
                           AND c(h.clah_health_check_type) = 'dentalcheck' AND c(h.clah_health_check_status) = 'completed'
                           AND within(h.clah_health_check_date, 12))
            THEN 1 ELSE 0 END, 1
FROM cla_open o LEFT JOIN child_area a ON a.person = o.person
WHERE o.entered <= CAST(DATE '{month_end}' - INTERVAL 12 MONTH AS DATE)
UNION ALL
SELECT 'care_leavers_' || k, '{other_area}', n, 1 FROM (
    SELECT c(clea_care_leaver_accom_suitable) = 'y' AS suitable,
           c(clea_care_leaver_activity) IN ('f1', 'p1', 'f2', 'p2', 'f4', 'p4', 'f5', 'p5') AS eet,
           c(clea_care_leaver_in_touch) = 'yes'
             AND (DATE '{month_end}' < DATE '2019-07-31' OR coalesce(within(clea_care_leaver_latest_contact, 2), false)) AS touch
    FROM leavers WHERE c(clea_care_leaver_eligibility) IN ('relevant', 'formerrelevant')
) UNPIVOT (n FOR k IN (suitable, eet, touch))
UNION ALL
SELECT 'cla_reviews_in_timescale', coalesce(a.area, '{other_area}'),
       CASE WHEN d(r.clar_cla_review_date) <= d(r.clar_cla_review_due_date) THEN 1 ELSE 0 END, 1
FROM clar r LEFT JOIN (SELECT DISTINCT trim(clae_cla_id) AS cla_id, trim(clae_person_id) AS person FROM cla) l
       ON l.cla_id = trim(r.clar_cla_id)
     LEFT JOIN child_area a ON a.person = l.person
WHERE coalesce(c(r.clar_cla_review_cancelled), 'n') <> 'y' AND in_month(r.clar_cla_review_due_date)
UNION ALL
SELECT 'cp_reviews_in_timescale', coalesce(a.area, '{other_area}'),
       CASE WHEN d(r.cppr_cp_review_date) <= d(r.cppr_cp_review_due) THEN 1 ELSE 0 END, 1
FROM cppr r LEFT JOIN child_area a ON a.person = trim(r.cppr_person_id)
WHERE in_month(r.cppr_cp_review_due);

SELECT indicator_id, area, sum(num) AS numerator, sum(den) AS denominator
FROM contributions GROUP BY GROUPING SETS ((indicator_id, area), (indicator_id)) ORDER BY ALL;
