package dev.agentauth.adapters.accounts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Key formats of the account aggregate and of OAuth states in the single table.
 * <ul>
 *   <li>account: {@code pk = TENANT#<tenant>}, {@code sk = ACCT#<id>};
 *       {@code gsi1pk = TENANT#<tenant>#CONN#<connection>}, {@code gsi1sk = ACCT#<created_at>#<id>}</li>
 *   <li>refresh-due index: {@code due_shard = DUE#<hash(id) mod shards>},
 *       {@code due_at = yyyy-MM-ddTHH:mm:ssZ} (fixed width, so it sorts as time)</li>
 *   <li>OAuth state: {@code pk = OAUTH_STATE#<sha256 hex of the state>}, {@code sk = STATE}, {@code ttl}</li>
 * </ul>
 */
public final class AccountKeys {

    public static final String REFRESH_DUE_INDEX = "refresh-due";
    private static final DateTimeFormatter DUE_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private AccountKeys() {}

    public static String pk(String tenantId) {
        return "TENANT#" + tenantId;
    }

    public static String sk(String accountId) {
        return "ACCT#" + accountId;
    }

    public static String gsi1pk(String tenantId, String connectionId) {
        return "TENANT#" + tenantId + "#CONN#" + connectionId;
    }

    public static String gsi1sk(Instant createdAt, String accountId) {
        return "ACCT#" + createdAt.truncatedTo(ChronoUnit.MILLIS) + "#" + accountId;
    }

    /** Stable across JVMs (not String.hashCode's contract): FNV-1a over the id's UTF-8 bytes. */
    public static String dueShard(String accountId, int shards) {
        int hash = 0x811c9dc5;
        for (byte b : accountId.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x01000193;
        }
        return "DUE#" + Integer.remainderUnsigned(hash, shards);
    }

    public static String dueAt(Instant at) {
        return DUE_AT.format(at);
    }

    public static String statePk(String stateHash) {
        return "OAUTH_STATE#" + stateHash;
    }

    public static final String STATE_SK = "STATE";
}
