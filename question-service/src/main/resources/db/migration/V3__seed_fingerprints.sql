-- Which seed file content is already in the catalog: a start whose seed is unchanged skips the load (about a
-- second of a start) instead of comparing every entry again.
create table seed_fingerprint (
    resource  varchar(200) primary key,
    sha256    char(64)     not null,
    loaded_at timestamptz  not null
);
