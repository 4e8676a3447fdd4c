package dev.agentauth.application.keys;

import dev.agentauth.application.accounts.AccountRepository;
import dev.agentauth.application.accounts.StoredAccount;
import dev.agentauth.application.accounts.StoredTokens;
import dev.agentauth.application.accounts.TokenSealer;
import dev.agentauth.application.refresh.DueAccount;
import dev.agentauth.application.refresh.DueAccounts;
import dev.agentauth.application.refresh.DuePage;
import dev.agentauth.application.scheduling.Deadline;
import dev.agentauth.domain.account.TokenSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-seals vault items written under another key than the one the stack's alias names now
 * (after the alias moved to a new key), so the old key can be retired. Every account holding
 * tokens is in the refresh-due index (a token without expiry has a probe time), so a pass
 * walks that index shard by shard (queries, no scan) in resumable batches: the cursor is saved
 * after every page and the next run continues where a run stopped. While the stored pass is
 * complete for the current key, a run costs one read.
 */
public final class VaultReencryption {

    private static final Logger LOG = LoggerFactory.getLogger(VaultReencryption.class);
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T23:59:59Z");
    private static final int PAGE = 100;

    private final KeyManagement keys;
    private final ReencryptionCursors cursors;
    private final DueAccounts index;
    private final AccountRepository accounts;
    private final TokenSealer sealer;
    private final Clock clock;

    @Inject
    public VaultReencryption(KeyManagement keys, ReencryptionCursors cursors, DueAccounts index, AccountRepository accounts,
            TokenSealer sealer, Clock clock) {
        this.keys = keys;
        this.cursors = cursors;
        this.index = index;
        this.accounts = accounts;
        this.sealer = sealer;
        this.clock = clock;
    }

    /** Continues the pass for the current key; answers how many accounts were re-sealed. */
    public int continuePass(Deadline deadline) {
        KeyRotationState current = keys.state();
        Optional<ReencryptionCursor> stored = cursors.find();
        if (stored.isPresent() && stored.get().completed() && current.names(stored.get().targetKeyId())) return 0;
        ReencryptionCursor cursor = stored.filter(c -> current.names(c.targetKeyId()))
                .orElseGet(() -> ReencryptionCursor.start(current.keyId(), stored.map(ReencryptionCursor::version).orElse(0L)));
        int resealed = 0;
        while (cursor.shard() < index.shards()) {
            if (deadline.reached()) {
                save(cursor);
                return resealed;
            }
            DuePage page = index.due(cursor.shard(), END_OF_TIME, cursor.position(), PAGE);
            for (DueAccount account : page.accounts()) {
                if (reseal(account, current)) resealed++;
            }
            cursor = page.next().isPresent() ? cursor.at(cursor.shard(), page.next()) : cursor.at(cursor.shard() + 1, Optional.empty());
            cursor = save(cursor);
        }
        save(cursor.done());
        LOG.info("vault items re-sealed under key {}: {} in this run; pass complete", current.keyId(), resealed);
        return resealed;
    }

    private ReencryptionCursor save(ReencryptionCursor cursor) {
        if (!cursors.save(cursor)) {
            throw new IllegalStateException("another run moved the re-encryption cursor; this run stops");
        }
        return new ReencryptionCursor(cursor.targetKeyId(), cursor.shard(), cursor.position(), cursor.completed(),
                cursor.version() + 1);
    }

    /** Re-seals one account's tokens under its own lease, so no refresh is overtaken; skipped when leased. */
    private boolean reseal(DueAccount due, KeyRotationState current) {
        Optional<StoredAccount> found = accounts.find(due.tenantId(), due.accountId());
        if (found.isEmpty() || found.get().tokens() == null || found.get().tokens().inSecretsManager()) return false;
        StoredAccount stored = found.get();
        StoredTokens tokens = stored.tokens();
        boolean stale = !current.names(tokens.accessToken().keyId())
                || (tokens.refreshToken() != null && !current.names(tokens.refreshToken().keyId()));
        if (!stale) return false;
        Instant now = clock.instant();
        String owner = "reencryption-" + UUID.randomUUID();
        var account = stored.account();
        if (stored.leasedAt(now) || !accounts.acquireLease(account.tenantId(), account.id(), stored.version(), owner,
                now.plus(Duration.ofSeconds(30)), now)) {
            return false; // a refresh holds it: the refresh re-seals under the current key itself
        }
        TokenSet open = sealer.open(account, tokens);
        StoredTokens resealed = sealer.sealInVault(account, open);
        StoredAccount updated = new StoredAccount(account, resealed, stored.refreshDueAt(), owner, now.plus(Duration.ofSeconds(30)),
                stored.cooldownUntil(), stored.consecutiveFailures());
        if (accounts.replace(updated, stored.version(), Optional.of(owner))) return true;
        accounts.releaseLease(account.tenantId(), account.id(), owner);
        return false;
    }
}
