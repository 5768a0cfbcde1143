-- The entity a watch was made for, kept when a merge moves the watch to the survivor: an undone merge moves it back.
ALTER TABLE watch ADD COLUMN chosen_entity_id uuid;
UPDATE watch SET chosen_entity_id = entity_id WHERE entity_id IS NOT NULL;
CREATE INDEX watch_chosen_entity ON watch (chosen_entity_id) WHERE chosen_entity_id IS NOT NULL;
