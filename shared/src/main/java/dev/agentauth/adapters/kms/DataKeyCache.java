package dev.agentauth.adapters.kms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.crypto.SecretKey;

/**
 * Data keys kept in the Lambda instance within fixed bounds, so a warm instance hands out a
 * cached token without a KMS call.
 *
 * <ul>
 *   <li>Encrypt side: one data key per owner context is reused for at most
 *       {@code maxMessages} values and {@code maxAge}; then a new one is generated. Random
 *       96-bit IVs stay far below the 2^32 messages NIST allows per key.</li>
 *   <li>Decrypt side: plaintext data keys by (wrapped key bytes, encryption context), at most
 *       {@code maxEntries} (least recently used evicted) and {@code maxAge} old, so a revoked
 *       KMS grant takes effect within that age.</li>
 * </ul>
 */
final class DataKeyCache {

    record DataKey(String keyId, byte[] encryptedKey, SecretKey key) {}

    private record Encrypting(DataKey dataKey, Instant created, int uses) {}

    private record Decrypting(SecretKey key, Instant loaded) {}

    private final Clock clock;
    private final int maxMessages;
    private final Duration maxAge;
    private final int maxEntries;
    private final Map<String, Encrypting> encrypting;
    private final Map<String, Decrypting> decrypting;

    DataKeyCache(Clock clock, int maxMessages, Duration maxAge, int maxEntries) {
        this.clock = clock;
        this.maxMessages = maxMessages;
        this.maxAge = maxAge;
        this.maxEntries = maxEntries;
        this.encrypting = lru(maxEntries);
        this.decrypting = lru(maxEntries);
    }

    static DataKeyCache defaults(Clock clock) {
        return new DataKeyCache(clock, 100, Duration.ofMinutes(5), 1000);
    }

    synchronized DataKey forEncryption(Map<String, String> context, Supplier<DataKey> generate) {
        String cacheKey = canonical(context);
        Instant now = clock.instant();
        Encrypting entry = encrypting.get(cacheKey);
        if (entry == null || entry.uses() >= maxMessages || !entry.created().plus(maxAge).isAfter(now)) {
            DataKey fresh = generate.get();
            entry = new Encrypting(fresh, now, 0);
            // the key we wrap with is one we can unwrap with: prime the decrypt side too
            decrypting.put(decryptKey(fresh.encryptedKey(), context), new Decrypting(fresh.key(), now));
        }
        encrypting.put(cacheKey, new Encrypting(entry.dataKey(), entry.created(), entry.uses() + 1));
        return entry.dataKey();
    }

    synchronized SecretKey forDecryption(byte[] encryptedKey, Map<String, String> context, Supplier<SecretKey> unwrap) {
        String cacheKey = decryptKey(encryptedKey, context);
        Instant now = clock.instant();
        Decrypting entry = decrypting.get(cacheKey);
        if (entry != null && entry.loaded().plus(maxAge).isAfter(now)) return entry.key();
        decrypting.remove(cacheKey);
        SecretKey key = unwrap.get();
        decrypting.put(cacheKey, new Decrypting(key, now));
        return key;
    }

    synchronized int size() {
        return decrypting.size();
    }

    private static String decryptKey(byte[] encryptedKey, Map<String, String> context) {
        // the context is part of the key: a cached data key never serves another owner's row
        return Base64.getEncoder().encodeToString(encryptedKey) + "|" + canonical(context);
    }

    private static String canonical(Map<String, String> context) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(context).forEach((k, v) -> out.append(k.length()).append(':').append(k).append(v.length()).append(':').append(v));
        return out.toString();
    }

    private <V> Map<String, V> lru(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }
}
