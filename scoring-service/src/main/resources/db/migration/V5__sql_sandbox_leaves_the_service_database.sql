-- The SQL sandbox moved to a database and a login role of its own (debrief_sandbox, see docs/scoring-service.md):
-- a query running as a NOLOGIN role reached through SET ROLE from the service's role could drop back to that role
-- with set_config('role', ...) and read every schema. The fixture copy and that role leave the service's database.

drop schema if exists scoring_fixture cascade;

do $$
begin
    if exists (select from pg_roles where rolname = 'scoring_sandbox') then
        begin
            if exists (select from pg_auth_members
                       where roleid = 'scoring_sandbox'::regrole and member = current_user::regrole) then
                execute format('revoke scoring_sandbox from %I', current_user);
            end if;
            drop role scoring_sandbox;
        exception when dependent_objects_still_exist or insufficient_privilege then
            -- still granted something in another database of the cluster: it stays, a NOLOGIN role
            raise notice 'role scoring_sandbox kept: %', sqlerrm;
        end;
    end if;
end
$$;
