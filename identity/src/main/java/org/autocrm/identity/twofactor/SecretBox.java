package org.autocrm.identity.twofactor;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Encrypts secrets the gateway must read again at rest with AES-256-GCM: TOTP secrets and the client secrets of
 * the tenants' single sign-on providers (random 96-bit nonce per secret, the owner - account id, or the tenant's
 * provider - as associated data so a secret copied onto another owner does not decrypt). Unlike passwords they
 * cannot be hashed: the gateway needs them to compute the codes and to authenticate at the provider.
 */
@Component
public class SecretBox {

    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
    private static final String KEYS = "identity_totp_key";
    private static final int NONCE_BYTES = 12;

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    SecretBox(TotpProperties properties, MongoTemplate mongo) {
        this.key = new SecretKeySpec(keyBytes(properties, mongo), "AES");
    }

    /** @param owner what the secret belongs to (an account id, {@code sso:<tenant>}); needed again to open it */
    public String seal(String owner, String plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, owner);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a secret", e);
        }
    }

    public String open(String owner, String sealed) {
        byte[] bytes = Base64.getDecoder().decode(sealed);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(bytes, NONCE_BYTES), owner);
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt the secret of " + owner
                    + " (was autocrm.identity.totp.encryption-key changed?)", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String owner) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(128, nonce));
        cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private byte[] keyBytes(TotpProperties properties, MongoTemplate mongo) {
        if (properties.encryptionKey() != null && !properties.encryptionKey().isBlank()) {
            byte[] configured = Base64.getDecoder().decode(properties.encryptionKey().trim());
            if (configured.length != 32) {
                throw new IllegalStateException("autocrm.identity.totp.encryption-key must be Base64 of 32 bytes, not "
                        + configured.length);
            }
            return configured;
        }
        Document stored = mongo.findById("key", Document.class, KEYS);
        if (stored == null) {
            byte[] generated = new byte[32];
            random.nextBytes(generated);
            try {
                mongo.insert(new Document("_id", "key").append("value", Base64.getEncoder().encodeToString(generated)), KEYS);
            } catch (org.springframework.dao.DuplicateKeyException anotherReplicaWasFirst) {
                // every replica must use the same key: take the one that was stored
            }
            stored = mongo.findById("key", Document.class, KEYS);
            log.warn("autocrm.identity.totp.encryption-key is not set: TOTP secrets and stored SSO client secrets are "
                    + "encrypted with a key kept in MongoDB. Set the property from a secret store in production.");
        }
        return Base64.getDecoder().decode(stored.getString("value"));
    }
}
