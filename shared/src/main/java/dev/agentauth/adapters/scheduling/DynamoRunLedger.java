package dev.agentauth.adapters.scheduling;

import dev.agentauth.application.scheduling.RunLedger;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Run markers in the data table: {@code pk=RUN#<job>#<run id>}, claimed with a conditional put
 * and removed by TTL once no redelivery can come any more.
 */
final class DynamoRunLedger implements RunLedger {

    /** EventBridge retries a delivery for up to 24 hours; a week leaves a wide margin. */
    static final Duration KEEP = Duration.ofDays(7);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    DynamoRunLedger(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public boolean claim(String job, String runId) {
        var now = clock.instant();
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(Map.of(
                            "pk", s(RunKeys.pk(job, runId)),
                            "sk", s(RunKeys.SK),
                            "started_at", s(now.toString()),
                            "ttl", AttributeValue.fromN(Long.toString(now.plus(KEEP).getEpochSecond()))))
                    .conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException seenBefore) {
            return false;
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
