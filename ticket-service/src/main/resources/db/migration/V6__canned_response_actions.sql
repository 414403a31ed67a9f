-- Macros: a canned response's actions as one JSON document (CannedAction), so new kinds of action
-- need no new column. Rows written before it keep their actions in set_status/add_tags/assign_group_id,
-- which the projection still writes and reads when actions is null.
ALTER TABLE ticket_canned_response ADD COLUMN actions JSONB;
