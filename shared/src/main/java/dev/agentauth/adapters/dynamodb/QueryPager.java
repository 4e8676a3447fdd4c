package dev.agentauth.adapters.dynamodb;

import dev.agentauth.application.paging.Page;
import dev.agentauth.application.paging.PageRequest;
import dev.agentauth.domain.BadRequestException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Pages through one partition: runs the query until {@code limit} items passed its filter or the
 * partition ends. The next cursor is the key of the last item returned (not DynamoDB's last
 * evaluated key), so a filtered page never skips an item; it is accepted back only for the same
 * partition.
 */
public final class QueryPager {

    private QueryPager() {}

    /**
     * @param partitionAttribute the key attribute the query's key condition fixes ({@code pk} or {@code gsi1pk})
     * @param partition its value: a cursor from any other partition (another tenant's) is a 400
     * @param cursorKeys the key attributes of an item in this table or index
     */
    public static <T> Page<T> page(DynamoDbClient dynamo, QueryRequest.Builder query, PageRequest page,
            String partitionAttribute, String partition, Set<String> cursorKeys,
            Function<Map<String, AttributeValue>, T> mapper) {
        Map<String, AttributeValue> start = page.cursor()
                .map(c -> PageCursor.decode(c, partitionAttribute, partition, cursorKeys))
                .orElse(null);
        if (start != null && !start.get(partitionAttribute).s().equals(partition)) throw new BadRequestException("cursor is not valid");
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        boolean more;
        do {
            QueryResponse response = dynamo.query(query.exclusiveStartKey(start).limit(page.limit() + 1).build());
            items.addAll(response.items());
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
            more = start != null;
        } while (more && items.size() <= page.limit());
        Optional<String> next = Optional.empty();
        if (items.size() > page.limit()) {
            items = items.subList(0, page.limit());
            Map<String, AttributeValue> last = items.get(items.size() - 1);
            Map<String, AttributeValue> key = new HashMap<>();
            cursorKeys.forEach(k -> key.put(k, last.get(k)));
            next = Optional.of(PageCursor.encode(key));
        }
        return new Page<>(items.stream().map(mapper).toList(), next);
    }
}
