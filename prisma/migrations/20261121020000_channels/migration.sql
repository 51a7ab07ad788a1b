-- Channels: delivery bookkeeping for outbound messages (see src/channels and docs/channels.md).

-- When the provider accepted the message, and how many times a send job tried it.
ALTER TABLE "messages" ADD COLUMN "sent_at" TIMESTAMPTZ(3);
ALTER TABLE "messages" ADD COLUMN "send_attempts" INTEGER NOT NULL DEFAULT 0;
-- How it went out: 'text', 'interactive' or 'template'. Outside WhatsApp's 24-hour customer-service
-- window only an approved template may be sent; template_name records which one replaced the reply.
ALTER TABLE "messages" ADD COLUMN "sent_as" TEXT;
ALTER TABLE "messages" ADD COLUMN "template_name" TEXT;
-- An SMS sent because this WhatsApp message finally failed; unique, so a failure falls back once.
ALTER TABLE "messages" ADD COLUMN "fallback_for_id" UUID;
CREATE UNIQUE INDEX "messages_fallback_for_id_key" ON "messages"("fallback_for_id");
-- Send jobs look for earlier replies of the same conversation still waiting (replies leave in order),
-- and the sweeper for replies whose job was lost.
CREATE INDEX "messages_outbound_queued_idx" ON "messages"("conversation_id", "seq") WHERE "direction" = 'outbound' AND "status" = 'queued';
CREATE INDEX "messages_queued_created_at_idx" ON "messages"("created_at") WHERE "direction" = 'outbound' AND "status" = 'queued';
-- Routing Meta webhooks by phone_number_id.
CREATE INDEX "clinic_channels_provider_external_id_idx" ON "clinic_channels"("provider", "external_id");
-- One Twilio number is commonly both an SMS and a WhatsApp sender: unique per provider, channel and number.
DROP INDEX "clinic_channels_provider_address_key";
CREATE UNIQUE INDEX "clinic_channels_provider_channel_address_key" ON "clinic_channels"("provider", "channel", "address");
