-- Notifications follow their document: moved to another collection, retitled or deleted (WatchEvaluator.follow).
CREATE INDEX notification_document ON notification (document_id);
