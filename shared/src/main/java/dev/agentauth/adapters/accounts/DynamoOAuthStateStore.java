package dev.agentauth.adapters.accounts;

import static dev.agentauth.adapters.accounts.DynamoAccountRepository.n;
import static dev.agentauth.adapters.accounts.DynamoAccountRepository.s;

import dev.agentauth.application.accounts.OAuthState;
import dev.agentauth.application.accounts.OAuthStateStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** OAuth states in the single table; single use through a conditional delete that returns the item. */
final class DynamoOAuthStateStore implements OAuthStateStore {

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoOAuthStateStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void save(OAuthState state) {
        Map<String, AttributeValue> item = new HashMap<>(key(state.stateHash()));
        item.put("type", s("oauth_state"));
        item.put("tenant_id", s(state.tenantId()));
        item.put("connection_id", s(state.connectionId()));
        item.put("account_id", s(state.accountId()));
        item.put("user_id", s(state.userId()));
        if (state.returnTo() != null) item.put("return_to", s(state.returnTo()));
        item.put("verifier", DynamoAccountRepository.sealedValue(state.verifier()));
        item.put("expires_at", n(state.expiresAt().getEpochSecond()));
        item.put("ttl", n(state.expiresAt().getEpochSecond()));
        dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
    }

    @Override
    public Optional<OAuthState> consume(String stateHash) {
        try {
            Map<String, AttributeValue> old = dynamo.deleteItem(b -> b.tableName(table).key(key(stateHash))
                    .conditionExpression("attribute_exists(pk)").returnValues(ReturnValue.ALL_OLD)).attributes();
            return Optional.of(new OAuthState(stateHash, old.get("tenant_id").s(), old.get("connection_id").s(),
                    old.get("account_id").s(), old.get("user_id").s(),
                    old.containsKey("return_to") ? old.get("return_to").s() : null,
                    DynamoAccountRepository.unsealed(old.get("verifier")),
                    Instant.ofEpochSecond(Long.parseLong(old.get("expires_at").n()))));
        } catch (ConditionalCheckFailedException unknownOrUsed) {
            return Optional.empty();
        }
    }

    private static Map<String, AttributeValue> key(String stateHash) {
        return Map.of("pk", s(AccountKeys.statePk(stateHash)), "sk", s(AccountKeys.STATE_SK));
    }
}
