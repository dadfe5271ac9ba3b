-- Search ranks in each replica's Lucene index now (question/index): nothing reads PostgreSQL's full-text
-- vector any more, and keeping it cost every insert and update a to_tsvector of three texts and a GIN entry.
-- search_extra stays: the index reads it (follow-up probes and tags as one text).
drop index if exists question_search;
alter table question drop column if exists search;
