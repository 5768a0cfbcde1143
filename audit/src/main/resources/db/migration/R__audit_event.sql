-- The audit trail of this service (module dossier-audit): who read restricted material, who created, changed,
-- merged or deleted what, who exported what. Append-only: rows are never updated, and deleted only by the retention
-- job, which says so for its own transaction (set local dossier.audit_purge = 'on'). Repeatable and idempotent: every
-- service that uses the module runs it after its own versioned migrations, and again when this file changes.
create table if not exists audit_event (
    id uuid primary key,
    occurred_at timestamptz not null,
    service varchar(40) not null,
    actor varchar(255) not null,
    action varchar(20) not null,
    target_type varchar(40) not null,
    target_id varchar(255),
    collection varchar(100),
    summary varchar(2000),
    trace_id varchar(32)
);

create index if not exists audit_event_time on audit_event (occurred_at desc, id desc);
create index if not exists audit_event_actor on audit_event (actor, occurred_at desc);
create index if not exists audit_event_target on audit_event (target_id, occurred_at desc);

create or replace function audit_event_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and coalesce(current_setting('dossier.audit_purge', true), '') = 'on' then
        return old;
    end if;
    raise exception 'the audit trail is append-only: % refused', tg_op;
end
$$;

drop trigger if exists audit_event_append_only on audit_event;
create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_event_append_only();

drop trigger if exists audit_event_no_truncate on audit_event;
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_append_only();
