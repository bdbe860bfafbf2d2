package org.pipelinecrm.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.pipelinecrm.shared.CrmSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Encrypts the subscriptions' signing secrets at rest with AES-256-GCM: what the table keeps is
 * {@code v1:<base64 of nonce, ciphertext and tag>}, bound to its workspace (the workspace id is the associated data,
 * so a secret copied to another workspace's row does not open). The key is the SHA-256 of {@code CRM_SECRETS_KEY};
 * unset, the embedded database's data folder keeps a generated key in {@value #KEY_FILE}, and with an external
 * database a fixed development key is used, with a warning. A stored secret without the prefix is one written
 * before encryption: it is read as it is and sealed at start-up ({@link SecretSealing}).
 */
@Component
class SecretBox {

    static final String KEY_FILE = "crm-secrets.key";
    static final String PREFIX = "v1:";
    static final String DEVELOPMENT_KEY = "pipeline-crm-development-secrets-key";

    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    SecretBox(CrmSettings settings, Environment environment) {
        this.key = new SecretKeySpec(sha256(keyText(settings, environment)), "AES");
    }

    private static String keyText(CrmSettings settings, Environment environment) {
        String given = settings.secrets() == null ? null : settings.secrets().key();
        if (given != null && !given.isBlank()) {
            return given;
        }
        if (environment.getProperty("crm.embedded-db.running", Boolean.class, false)) {
            String dataDir = environment.getProperty("crm.embedded-db.data-dir", "");
            if (dataDir.isBlank()) {
                // a throw-away database: a throw-away key
                return Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32));
            }
            return keptKey(Path.of(dataDir).toAbsolutePath());
        }
        log.warn("CRM_SECRETS_KEY is not set: webhook secrets are encrypted with the fixed development key."
                + " Set CRM_SECRETS_KEY to a long random text of your own.");
        return DEVELOPMENT_KEY;
    }

    /** The data folder's generated key, made on the first start. */
    private static synchronized String keptKey(Path directory) {
        Path file = directory.resolve(KEY_FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String text = Base64.getEncoder().encodeToString(bytes);
            Files.createDirectories(directory);
            Path temporary = directory.resolve(KEY_FILE + ".new");
            Files.writeString(temporary, text + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the folder's own permissions protect it
            }
            Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the secrets key in " + file, e);
        }
    }

    static boolean sealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    String seal(String secret, long tenant) {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(tenant));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return PREFIX
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(NONCE + sealed.length)
                                    .put(nonce)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a secret", e);
        }
    }

    /** The secret as given; a stored text without the prefix is a secret from before encryption. */
    String open(String stored, long tenant) {
        if (!sealed(stored)) {
            return stored;
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE));
            cipher.updateAAD(aad(tenant));
            return new String(cipher.doFinal(all, NONCE, all.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "A webhook secret does not open with this CRM_SECRETS_KEY (was the key changed?)", e);
        }
    }

    private static byte[] aad(long tenant) {
        return ("webhook_subscription:" + tenant).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
