-- Staff sign-in sessions (src/auth). A session lives until it is revoked (logout, password change,
-- reuse of a rotated refresh token), idles out (no refresh for a while) or reaches its absolute end.
CREATE TABLE "staff_sessions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "staff_user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "last_refreshed_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "revoked_reason" TEXT,
    "ip" TEXT,
    "user_agent" TEXT,
    CONSTRAINT "staff_sessions_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "staff_sessions_staff_user_id_idx" ON "staff_sessions"("staff_user_id");
ALTER TABLE "staff_sessions" ADD CONSTRAINT "staff_sessions_staff_user_id_fkey" FOREIGN KEY ("staff_user_id") REFERENCES "staff_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Refresh tokens are opaque random strings; only their SHA-256 is stored. Each refresh rotates the
-- token (rotated_at set, a new row added); presenting a rotated token again revokes the session.
CREATE TABLE "staff_refresh_tokens" (
    "token_hash" TEXT NOT NULL,
    "session_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "rotated_at" TIMESTAMPTZ(3),
    CONSTRAINT "staff_refresh_tokens_pkey" PRIMARY KEY ("token_hash")
);
CREATE INDEX "staff_refresh_tokens_session_id_idx" ON "staff_refresh_tokens"("session_id");
ALTER TABLE "staff_refresh_tokens" ADD CONSTRAINT "staff_refresh_tokens_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "staff_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- When the password last changed (sessions older than that are revoked with it).
ALTER TABLE "staff_users" ADD COLUMN "password_changed_at" TIMESTAMPTZ(3);
