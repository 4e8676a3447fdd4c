package dev.agentauth.bench.counter;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * On-demand request units of a DynamoDB call, estimated from the items it read or wrote
 * (DynamoDB's item-size rules: attribute names plus values; reads in 4 KB units, halved when
 * eventually consistent; writes in 1 KB units; transactions count double). Updates and deletes
 * are counted at one unit per KB of the key and new values, which is a lower bound when the
 * stored item is larger. Touched only when DynamoDB is on the classpath.
 */
final class DynamoDbUnits {
    private DynamoDbUnits() {}

    static void record(SdkRequest request, SdkResponse response) {
        if (request instanceof GetItemRequest get && response instanceof GetItemResponse got) {
            CallCounter.units(readUnits(size(got.item()), Boolean.TRUE.equals(get.consistentRead())), 0);
        } else if (request instanceof QueryRequest query && response instanceof QueryResponse result) {
            long total = 0;
            for (Map<String, AttributeValue> item : result.items()) total += size(item);
            CallCounter.units(readUnits(total, Boolean.TRUE.equals(query.consistentRead())), 0);
        } else if (response instanceof BatchGetItemResponse batch) {
            double units = 0;
            for (List<Map<String, AttributeValue>> items : batch.responses().values()) {
                for (Map<String, AttributeValue> item : items) units += readUnits(size(item), false);
            }
            CallCounter.units(units, 0);
        } else if (request instanceof TransactGetItemsRequest tx) {
            CallCounter.units(2.0 * tx.transactItems().size(), 0);
        } else {
            recordWrite(request);
        }
    }

    static void recordFailure(SdkRequest request) {
        if (request instanceof GetItemRequest || request instanceof QueryRequest) {
            CallCounter.units(0.5, 0);
        } else {
            recordWrite(request);
        }
    }

    private static void recordWrite(SdkRequest request) {
        if (request instanceof PutItemRequest put) {
            CallCounter.units(0, writeUnits(size(put.item())));
        } else if (request instanceof UpdateItemRequest update) {
            CallCounter.units(0, writeUnits(size(update.key()) + size(update.expressionAttributeValues())));
        } else if (request instanceof DeleteItemRequest delete) {
            CallCounter.units(0, writeUnits(size(delete.key())));
        } else if (request instanceof BatchWriteItemRequest batch) {
            double units = 0;
            for (List<WriteRequest> writes : batch.requestItems().values()) {
                for (WriteRequest write : writes) {
                    units += write.putRequest() != null ? writeUnits(size(write.putRequest().item()))
                            : writeUnits(size(write.deleteRequest().key()));
                }
            }
            CallCounter.units(0, units);
        } else if (request instanceof TransactWriteItemsRequest tx) {
            double units = 0;
            for (var item : tx.transactItems()) {
                long size = item.put() != null ? size(item.put().item())
                        : item.update() != null ? size(item.update().key()) + size(item.update().expressionAttributeValues())
                        : item.delete() != null ? size(item.delete().key())
                        : item.conditionCheck() != null ? size(item.conditionCheck().key()) : 0;
                units += 2 * writeUnits(size);
            }
            CallCounter.units(0, units);
        }
    }

    private static double readUnits(long bytes, boolean consistent) {
        double units = Math.max(1, Math.ceil(bytes / 4096.0));
        return consistent ? units : units / 2;
    }

    private static double writeUnits(long bytes) {
        return Math.max(1, Math.ceil(bytes / 1024.0));
    }

    static long size(Map<String, AttributeValue> item) {
        if (item == null) return 0;
        long total = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            total += e.getKey().length() + size(e.getValue());
        }
        return total;
    }

    private static long size(AttributeValue value) {
        if (value == null) return 0;
        if (value.s() != null) return value.s().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (value.n() != null) return value.n().length() / 2 + 1;
        if (value.b() != null) return value.b().asByteArray().length;
        if (value.bool() != null || Boolean.TRUE.equals(value.nul())) return 1;
        long total = 3;
        if (value.hasM()) total += size(value.m());
        if (value.hasL()) for (AttributeValue v : value.l()) total += 1 + size(v);
        if (value.hasSs()) total += strings(value.ss());
        if (value.hasNs()) total += strings(value.ns());
        if (value.hasBs()) for (SdkBytes b : value.bs()) total += b.asByteArray().length;
        return total;
    }

    private static long strings(Collection<String> values) {
        long total = 0;
        for (String v : values) total += v.length();
        return total;
    }
}
