-- audit_log_canonical() was declared IMMUTABLE, but to_char() inside it is only STABLE, and Postgres
-- inlines a SQL function only when the declared volatility is no stricter than its body's. So every
-- audit row ran it through the SQL-function executor, which parses and plans the body on each call.
-- Declared STABLE, the audit trigger's expression inlines it and its plan is cached: the booking
-- statement alone did 5 % fewer instructions per booking (perf stat, bench/booking's statement). The
-- text it builds, and so every hash, is unchanged (the format has no locale-dependent fields).
ALTER FUNCTION audit_log_canonical("audit_log") STABLE;
