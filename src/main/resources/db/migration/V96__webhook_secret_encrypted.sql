-- Webhook signing secrets are kept encrypted (AES-GCM, "v1:" and the base64 of nonce, ciphertext and tag), longer
-- than the plain secret the column was sized for. Secrets written before stay readable and are encrypted by the
-- app at start-up (the key is the app's, CRM_SECRETS_KEY, so the database cannot do it).
ALTER TABLE webhook_subscription ALTER COLUMN secret TYPE varchar(400);
