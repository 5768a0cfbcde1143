-- When the last chunk of an upload arrived: an upload is given up when nothing has come for a while, not by its age.
alter table ftm_import add column received_at timestamp with time zone;
