-- A notification of a watch that tells in the app only is not waiting for e-mail: it is stored with mailed_at set
-- (WatchEvaluator), so the index of what waits for e-mail holds only that. A watch switched to e-mail later mails
-- its matches from then on, not its past ones. The same for the notifications stored before.
UPDATE notification n SET mailed_at = n.created_at
FROM watch w
WHERE w.id = n.watch_id AND w.delivery = 'app' AND n.mailed_at IS NULL;
COMMENT ON COLUMN notification.mailed_at IS
    'When it went out by e-mail, was passed over (a collection its owner may no longer read), or was stored for a watch that tells in the app only';
