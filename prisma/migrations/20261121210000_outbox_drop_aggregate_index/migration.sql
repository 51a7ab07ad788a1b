-- Nothing reads the outbox by aggregate: the relay reads it in id order (outbox_unpublished_idx), and
-- an appointment's history is in audit_log. The index cost every booking an index insert, and every
-- relayed event another one (marking it published writes a new row version), on text keys: 31 MB
-- for 250,000 events in bench/booking, an eighth of the table.
DROP INDEX IF EXISTS "outbox_aggregate_type_aggregate_id_id_idx";
