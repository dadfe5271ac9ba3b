-- 100,000 generated questions in the benchmark schema, straight into the service's tables (what the API
-- would write: a current-version row and its version content). Deterministic: setseed fixes random().
-- Vocabulary: the words of the seeded catalog's titles and prompts (real interview-question English, about
-- 1,500 words), plus a misspelt twin (two inner letters swapped) for one word in ten, as people type them;
-- 24-word prompts.
\set ON_ERROR_STOP on
set search_path = :schema;
delete from question_version where question_id in (select id from question where created_by = 'bench');
delete from question where created_by = 'bench';
select setseed(0.42);
create temporary table words as
    select row_number() over (order by w) n, w from (
        select distinct regexp_split_to_table(lower(title || ' ' || prompt), '[^a-z]+') w
        from question where created_by is distinct from 'bench') s
    where length(w) >= 3;
create temporary table vocab as
    select array_agg(w order by n) as w, count(*)::int as size from (
        select n, w from words
        union all
        select 100000 + n, substr(w, 1, 1) || substr(w, 3, 1) || substr(w, 2, 1) || substr(w, 4)
        from words where n % 10 = 0 and length(w) >= 5) s;
insert into question (id, tenant, slug, status, version, title, prompt, category, role, levels, company, round_type,
                      competencies, tags, difficulty, time_budget_seconds, answer_format, rubric, search_extra,
                      created_at, updated_at, created_by)
select gen_random_uuid(),
       case when i % 10 = 0 then 'firm-' || (i % 7) end,
       'gen-' || i,
       case when i % 25 = 0 then 'DRAFT' when i % 40 = 0 then 'RETIRED' else 'PUBLISHED' end,
       1,
       initcap(v.w[1 + floor(random() * v.size)::int]) || ' ' || v.w[1 + floor(random() * v.size)::int] || ' ' || v.w[1 + floor(random() * v.size)::int] || ' question ' || i,
       (select string_agg(v.w[1 + floor(random() * v.size + k * 0 + i * 0)::int], ' ') from generate_series(1, 24) k),
       (array['METRIC_DESIGN','EXPERIMENT_EVALUATION','DATA_PRODUCT_SCOPING','SQL','SYSTEM_DESIGN','BEHAVIORAL','LEADERSHIP','CULTURE_FIT','PRODUCT_STRATEGY','TECHNICAL_DEPTH'])[1 + floor(random() * 10)::int],
       (array['DATA_PM','ENGINEERING_MANAGER','PRODUCT_MANAGER','DATA_SCIENTIST','SOFTWARE_ENGINEER'])[1 + floor(random() * 5)::int],
       array[(array['MID','SENIOR','STAFF','PRINCIPAL','MANAGER','SENIOR_MANAGER','DIRECTOR'])[1 + floor(random() * 7)::int]],
       (array['Netflix','Meta','Google','Amazon','Spotify','Airbnb','Uber','Stripe',null])[1 + floor(random() * 9)::int],
       (array['RECRUITER_SCREEN','HIRING_MANAGER','DATA_CASE','EXECUTIVE_ALIGNMENT','MANAGER_SCREEN','TECHNICAL_SCREEN','ONSITE'])[1 + floor(random() * 7)::int],
       array[(array['JUDGMENT','CANDOR','SELFLESSNESS','COURAGE','CURIOSITY','INCLUSION','INNOVATION','COMMUNICATION','IMPACT','CAUSALITY_RIGOR','USER_MODEL_DEPTH','OPTIONALITY','DATA_SKEPTICISM','TRADEOFFS','TECHNICAL_DEPTH','PEOPLE_LEADERSHIP','EXECUTION','STAKEHOLDER_MANAGEMENT','ADAPTABILITY'])[1 + floor(random() * 19)::int]],
       array['tag' || floor(random() * 200)::int, 'tag' || floor(random() * 200)::int],
       (array['EASY','MEDIUM','HARD'])[1 + floor(random() * 3)::int],
       300 + 60 * floor(random() * 50)::int,
       (array['FREE_TEXT','STRUCTURED_METRICS','SQL'])[1 + floor(random() * 3)::int],
       (array['data-case','sql-analysis','behavioral-story','culture-values','system-design'])[1 + floor(random() * 5)::int],
       '',
       now() - (i || ' seconds')::interval, now() - (i || ' seconds')::interval, 'bench'
from generate_series(1, 100000) i, vocab v;
-- follow-up probes and tags feed the search text like the service writes it
update question set search_extra = 'What if that data was noisy? ' || array_to_string(tags, ' ') where created_by = 'bench';
insert into question_version (question_id, version, status, content, created_at, created_by)
select id, 1, status, jsonb_build_object('title', title, 'prompt', prompt, 'category', category, 'role', role,
        'levels', to_jsonb(levels), 'company', company, 'roundType', round_type, 'competencies', to_jsonb(competencies),
        'tags', to_jsonb(tags), 'timeBudgetSeconds', time_budget_seconds, 'difficulty', difficulty, 'rubric', rubric,
        'answerFormat', answer_format, 'source', 'generated', 'followUps',
        jsonb_build_array(jsonb_build_object('prompt', 'What if that data was noisy?', 'atSecond', 120)),
        'constraints', '[]'::jsonb, 'exemplars', '[]'::jsonb, 'sql', null),
       created_at, 'bench'
from question where created_by = 'bench';
vacuum analyze question;
vacuum analyze question_version;
select count(*) as generated from question where created_by = 'bench';
