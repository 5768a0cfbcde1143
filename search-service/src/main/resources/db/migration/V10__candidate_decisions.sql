-- What editors decided about the names the registry does not hold (the candidates queue): a rejected name is never
-- proposed again; an accepted one leaves the queue at once (the re-linking of its documents follows).
CREATE TABLE candidate_decision (
    candidate_key text PRIMARY KEY,          -- "TYPE|name", as the documents index holds it
    decision      text NOT NULL CHECK (decision IN ('REJECTED', 'ACCEPTED')),
    entity_id     uuid,                      -- accepted: the entity that now holds the name
    decided_by    text NOT NULL,
    decided_at    timestamptz NOT NULL
);
