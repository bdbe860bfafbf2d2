-- Webhook signing secrets are kept encrypted (AES-GCM, "v1:" and the base64 of nonce, ciphertext and tag), longer
-- than the plain secret the column was sized for. Secrets written before stay readable and are encrypted by the
-- app at start-up (the key is the app's, CRM_SECRETS_KEY, so the database cannot do it).
ALTER TABLE webhook_subscription ALTER COLUMN secret TYPE varchar(400);

-- A saved board view keeps its custom field filters too, as a query string (cf.region=EMEA&cf.seats.gte=10).
ALTER TABLE board_view ADD COLUMN custom_filters text NOT NULL DEFAULT '';
