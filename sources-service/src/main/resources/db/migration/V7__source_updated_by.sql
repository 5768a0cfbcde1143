-- Who changed a source last, and when (creation is createdBy/createdAt); every change is in the audit trail too.
alter table source add column updated_by varchar(255);
alter table source add column updated_at timestamptz;
