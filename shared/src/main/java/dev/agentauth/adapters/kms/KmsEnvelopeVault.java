package dev.agentauth.adapters.kms;

import dev.agentauth.application.vault.SealedValue;
import dev.agentauth.application.vault.TokenVault;
import dev.agentauth.application.vault.VaultContext;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.KmsException;

/**
 * Envelope encryption with the stack's KMS key: a KMS data key (AES-256) seals each value with
 * AES-GCM (96-bit random IV, 128-bit tag) and the canonical {@link VaultContext} as additional
 * authenticated data; the wrapped data key, IV, ciphertext and the wrapping key's id are stored.
 *
 * <p>The KMS encryption context carries the owner binding (tenant, connection, account) plus
 * {@code agentauth:purpose}, so KMS itself refuses to unwrap a data key moved to another
 * account or tenant, and the key policy can require the purpose. The field (access token,
 * refresh token, PKCE verifier) is bound by the AAD only, which lets one data key seal both
 * tokens of one refresh with one KMS call; a value moved between fields still fails the tag.
 *
 * <p>Why not the AWS Encryption SDK: it brings its own message format, a crypto provider and a
 * caching materials manager whose class loading weighs on cold start, for what is here one
 * GenerateDataKey/Decrypt call and one JDK cipher. The format is kept behind {@link TokenVault}
 * so the Encryption SDK can replace this class if the cold-start benchmark allows it.
 */
final class KmsEnvelopeVault implements TokenVault {

    static final String PURPOSE_KEY = "agentauth:purpose";
    static final String PURPOSE = "token-vault";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final KmsClient kms;
    private final String keyId;
    private final DataKeyCache cache;
    private final SecureRandom random = new SecureRandom();

    KmsEnvelopeVault(KmsClient kms, String keyId, DataKeyCache cache) {
        this.kms = kms;
        this.keyId = keyId;
        this.cache = cache;
    }

    @Override
    public SealedValue seal(VaultContext context, byte[] plaintext) {
        Map<String, String> encryptionContext = encryptionContext(context);
        DataKeyCache.DataKey dataKey = cache.forEncryption(encryptionContext, () -> generate(encryptionContext));
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, dataKey.key(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.canonical());
            return new SealedValue(dataKey.keyId(), dataKey.encryptedKey(), iv, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new VaultException("sealing failed", e);
        }
    }

    @Override
    public byte[] open(VaultContext context, SealedValue sealed) {
        Map<String, String> encryptionContext = encryptionContext(context);
        SecretKey key = cache.forDecryption(sealed.encryptedDataKey(), encryptionContext,
                () -> unwrap(sealed, encryptionContext));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.iv()));
            cipher.updateAAD(context.canonical());
            return cipher.doFinal(sealed.ciphertext());
        } catch (GeneralSecurityException e) {
            throw new VaultException("the value does not open under this context", e);
        }
    }

    private DataKeyCache.DataKey generate(Map<String, String> encryptionContext) {
        try {
            GenerateDataKeyResponse response = kms.generateDataKey(b -> b.keyId(keyId)
                    .keySpec(DataKeySpec.AES_256).encryptionContext(encryptionContext));
            byte[] plain = response.plaintext().asByteArray();
            SecretKey key = new SecretKeySpec(plain, "AES");
            java.util.Arrays.fill(plain, (byte) 0);
            return new DataKeyCache.DataKey(response.keyId(), response.ciphertextBlob().asByteArray(), key);
        } catch (KmsException e) {
            throw new VaultException("KMS refused to generate a data key (" + e.awsErrorDetails().errorCode() + ")", e);
        }
    }

    private SecretKey unwrap(SealedValue sealed, Map<String, String> encryptionContext) {
        try {
            // the stored key id pins the key that wrapped it: still right after the alias moved
            DecryptResponse response = kms.decrypt(b -> b.keyId(sealed.keyId())
                    .ciphertextBlob(SdkBytes.fromByteArray(sealed.encryptedDataKey()))
                    .encryptionContext(encryptionContext));
            byte[] plain = response.plaintext().asByteArray();
            SecretKey key = new SecretKeySpec(plain, "AES");
            java.util.Arrays.fill(plain, (byte) 0);
            return key;
        } catch (KmsException e) {
            throw new VaultException("KMS refused to unwrap the data key (" + e.awsErrorDetails().errorCode() + ")", e);
        }
    }

    static Map<String, String> encryptionContext(VaultContext context) {
        Map<String, String> encryptionContext = new LinkedHashMap<>(context.owner());
        encryptionContext.put(PURPOSE_KEY, PURPOSE);
        return encryptionContext;
    }
}
