-- What each replica's in-memory catalog index needs to stay fresh without scanning the table:
-- a small dense key per question (the index maps it to its own ordinal; full-text search returns it),
-- the id of the transaction that last wrote each row (a delta is every row written by a transaction the
-- previous refresh could not see yet: change_xid >= that refresh's snapshot xmin, so a transaction that
-- commits late is never skipped), and an epoch that moves when rows are deleted (deletes leave no row to
-- find, so they make the index reload in full).
alter table question add column catalog_key integer generated always as identity;
alter table question add column change_xid xid8 not null default pg_current_xact_id();
create unique index question_catalog_key on question (catalog_key);
create index question_change_xid on question (change_xid);

create function question_touch() returns trigger language plpgsql as $$
begin
    new.change_xid := pg_current_xact_id();
    return new;
end $$;
create trigger question_touch before update on question for each row execute function question_touch();

create table question_epoch (epoch bigint not null);
insert into question_epoch values (0);
create function question_epoch_bump() returns trigger language plpgsql set search_path from current as $$
begin
    update question_epoch set epoch = epoch + 1;
    return null;
end $$;
create trigger question_epoch_delete after delete on question for each statement execute function question_epoch_bump();
create trigger question_epoch_truncate after truncate on question for each statement execute function question_epoch_bump();
