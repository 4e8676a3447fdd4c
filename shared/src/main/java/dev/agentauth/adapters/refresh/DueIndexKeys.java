package dev.agentauth.adapters.refresh;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Key format of the refresh-due index ({@code due_shard} HASH, {@code due_at} RANGE, keys only)
 * and of the account items it points to.
 */
final class DueIndexKeys {

    static final String INDEX = "refresh-due";
    static final String SHARD = "due_shard";
    static final String DUE_AT = "due_at";

    private DueIndexKeys() {}

    static String shard(int shard) {
        return "DUE#" + shard;
    }

    /** ISO-8601 with fixed second precision, so that text order is time order. */
    static String dueAt(Instant at) {
        return DUE_AT_FORMAT.format(at);
    }

    private static final DateTimeFormatter DUE_AT_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    static Optional<String> tenantId(String pk) {
        return pk.startsWith("TENANT#") ? Optional.of(pk.substring("TENANT#".length())) : Optional.empty();
    }

    static Optional<String> accountId(String sk) {
        return sk.startsWith("ACCT#") ? Optional.of(sk.substring("ACCT#".length())) : Optional.empty();
    }
}
