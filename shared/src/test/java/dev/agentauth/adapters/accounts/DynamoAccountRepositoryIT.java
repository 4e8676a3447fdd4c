package dev.agentauth.adapters.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentauth.accounts.AccountsTestStack;
import dev.agentauth.application.accounts.AccountPage;
import dev.agentauth.application.accounts.OAuthState;
import dev.agentauth.application.accounts.StoredAccount;
import dev.agentauth.application.accounts.StoredTokens;
import dev.agentauth.application.vault.SealedValue;
import dev.agentauth.domain.BadRequestException;
import dev.agentauth.domain.ConflictException;
import dev.agentauth.domain.account.Account;
import dev.agentauth.domain.account.AccountStatus;
import dev.agentauth.testkit.AwsEndpoint;
import dev.agentauth.testkit.AwsEndpointExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(AwsEndpointExtension.class)
class DynamoAccountRepositoryIT {

    private final AccountsTestStack stack;
    private final DynamoDbClient dynamo;
    private final DynamoAccountRepository repository;
    private final DynamoOAuthStateStore states;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    DynamoAccountRepositoryIT(AwsEndpoint endpoint) {
        this.stack = AccountsTestStack.create(endpoint);
        this.dynamo = stack.dynamo();
        this.repository = new DynamoAccountRepository(dynamo, stack.table(), 8);
        this.states = new DynamoOAuthStateStore(dynamo, stack.table());
    }

    private Account account(String tenant, String connection) {
        return new Account(tenant, "acct_" + UUID.randomUUID(), connection, "u-42", AccountStatus.PENDING, List.of(),
                null, null, null, 1, now, now);
    }

    private static SealedValue sealed(String marker) {
        return new SealedValue("arn:aws:kms:us-east-1:123456789012:key/k", new byte[] {1, 2}, new byte[12], marker.getBytes());
    }

    @Test
    void storesAndReadsAnAccountWithSealedTokensAndRefreshDueAttributes() {
        Account pending = account("t1", "conn_1");
        repository.create(StoredAccount.pending(pending));
        StoredAccount stored = repository.find("t1", pending.id()).orElseThrow();
        Instant expires = now.plus(Duration.ofHours(1));
        StoredAccount active = stored.withTokens(pending.withTokens(List.of("read"), expires, now, now),
                new StoredTokens(sealed("a"), sealed("r"), "Bearer"), expires.minusSeconds(300));

        assertTrue(repository.replace(active, 1, Optional.empty()));

        StoredAccount read = repository.find("t1", pending.id()).orElseThrow();
        assertEquals(AccountStatus.ACTIVE, read.account().status());
        assertEquals(2, read.version());
        assertEquals(sealed("r"), read.tokens().refreshToken());
        assertEquals(List.of("read"), read.account().grantedScopes());
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(stack.table())
                .key(Map.of("pk", AttributeValue.fromS("TENANT#t1"), "sk", AttributeValue.fromS("ACCT#" + pending.id())))).item();
        assertEquals(AccountKeys.dueShard(pending.id(), 8), item.get("due_shard").s());
        assertEquals(AccountKeys.dueAt(expires.minusSeconds(300)), item.get("due_at").s());
    }

    @Test
    void anotherTenantCannotReadTheAccount() {
        Account pending = account("t1", "conn_1");
        repository.create(StoredAccount.pending(pending));

        assertTrue(repository.find("t2", pending.id()).isEmpty());
        assertThrows(ConflictException.class, () -> repository.create(StoredAccount.pending(pending)));
    }

    @Test
    void oneLeaseAtATimeAndOnlyForTheVersionRead() {
        Account pending = account("t1", "conn_1");
        repository.create(StoredAccount.pending(pending));
        Instant until = now.plusSeconds(30);

        assertFalse(repository.acquireLease("t1", pending.id(), 7, "a", until, now));
        assertTrue(repository.acquireLease("t1", pending.id(), 1, "a", until, now));
        assertFalse(repository.acquireLease("t1", pending.id(), 1, "b", until, now));
        // an expired lease can be taken over
        assertTrue(repository.acquireLease("t1", pending.id(), 1, "b", until.plusSeconds(30), until.plusMillis(1)));

        StoredAccount leased = repository.find("t1", pending.id()).orElseThrow();
        assertEquals(AccountStatus.PENDING, leased.account().status());
        assertEquals(1, leased.version());
        assertFalse(repository.replace(leased, 1, Optional.of("a")));
        assertTrue(repository.replace(leased, 1, Optional.of("b")));
        assertNull(repository.find("t1", pending.id()).orElseThrow().leaseOwner());
    }

    @Test
    void listsAConnectionsAccountsPageByPage() {
        for (int i = 0; i < 3; i++) repository.create(StoredAccount.pending(account("t1", "conn_list")));
        repository.create(StoredAccount.pending(account("t1", "conn_other")));

        AccountPage first = repository.listByConnection("t1", "conn_list", 2, Optional.empty());
        AccountPage second = repository.listByConnection("t1", "conn_list", 2, first.nextCursor());

        assertEquals(2, first.items().size());
        assertEquals(1, second.items().size());
        assertThrows(BadRequestException.class, () -> repository.listByConnection("t2", "conn_list", 2, first.nextCursor()));
        assertThrows(BadRequestException.class, () -> repository.listByConnection("t1", "conn_list", 2, Optional.of("!!")));
    }

    @Test
    void aStateIsConsumedOnce() {
        OAuthState state = new OAuthState("hash-" + UUID.randomUUID(), "t1", "conn_1", "acct_1", "u-42",
                "https://app.example.com/done", sealed("v"), now.plusSeconds(600));
        states.save(state);

        OAuthState consumed = states.consume(state.stateHash()).orElseThrow();
        assertEquals(state.returnTo(), consumed.returnTo());
        assertEquals(state.accountId(), consumed.accountId());
        assertEquals(state.verifier(), consumed.verifier());
        assertEquals(state.expiresAt().getEpochSecond(), consumed.expiresAt().getEpochSecond());
        assertTrue(states.consume(state.stateHash()).isEmpty());
        assertTrue(states.consume("unknown").isEmpty());
    }
}
