package dev.agentauth.local.aws;

import dev.agentauth.local.template.Resolver;
import dev.agentauth.local.template.Template;
import dev.agentauth.local.template.Template.Nodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** {@code AWS::DynamoDB::Table}: key schema, attribute definitions, GSIs/LSIs, billing mode and TTL. */
final class DynamoDbTableProvisioner implements ResourceProvisioner {

    private final DynamoDbClient dynamo;

    DynamoDbTableProvisioner(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    @Override
    public String type() {
        return "AWS::DynamoDB::Table";
    }

    @Override
    public PhysicalResource provision(Template.Resource resource, Resolver resolver, Template template) {
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) resolver.resolve(resource.properties());
        String name = properties.get("TableName") != null
                ? String.valueOf(properties.get("TableName"))
                : resolver.string(Map.of("Ref", "AWS::StackName")) + "-" + resource.logicalId();
        TableDescription table;
        try {
            table = dynamo.createTable(createRequest(name, properties)).tableDescription();
        } catch (ResourceInUseException exists) {
            table = dynamo.describeTable(b -> b.tableName(name)).table();
        }
        Map<String, Object> ttl = Nodes.map(properties.get("TimeToLiveSpecification"));
        if (Boolean.TRUE.equals(ttl.get("Enabled")) || "true".equals(String.valueOf(ttl.get("Enabled")))) {
            dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
            if (dynamo.describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription().attributeName() == null) {
                dynamo.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(
                        s -> s.attributeName(String.valueOf(ttl.get("AttributeName"))).enabled(true)));
            }
        }
        Map<String, String> attributes = new java.util.HashMap<>();
        attributes.put("Arn", table.tableArn());
        if (table.latestStreamArn() != null) attributes.put("StreamArn", table.latestStreamArn());
        return new PhysicalResource(resource.logicalId(), type(), name, attributes);
    }

    private static CreateTableRequest createRequest(String name, Map<String, Object> properties) {
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(name)
                .attributeDefinitions(Nodes.list(properties.get("AttributeDefinitions")).stream().map(Nodes::map)
                        .map(a -> AttributeDefinition.builder()
                                .attributeName(String.valueOf(a.get("AttributeName")))
                                .attributeType(String.valueOf(a.get("AttributeType"))).build())
                        .toList())
                .keySchema(keySchema(properties.get("KeySchema")));
        boolean provisioned = "PROVISIONED".equals(properties.get("BillingMode"));
        if (provisioned) {
            request.billingMode(BillingMode.PROVISIONED).provisionedThroughput(throughput(properties.get("ProvisionedThroughput")));
        } else {
            request.billingMode(BillingMode.PAY_PER_REQUEST);
        }
        List<GlobalSecondaryIndex> globals = new ArrayList<>();
        for (Object index : Nodes.list(properties.get("GlobalSecondaryIndexes"))) {
            Map<String, Object> definition = Nodes.map(index);
            GlobalSecondaryIndex.Builder gsi = GlobalSecondaryIndex.builder()
                    .indexName(String.valueOf(definition.get("IndexName")))
                    .keySchema(keySchema(definition.get("KeySchema")))
                    .projection(projection(definition.get("Projection")));
            if (provisioned) gsi.provisionedThroughput(throughput(definition.get("ProvisionedThroughput")));
            globals.add(gsi.build());
        }
        if (!globals.isEmpty()) request.globalSecondaryIndexes(globals);
        List<LocalSecondaryIndex> locals = Nodes.list(properties.get("LocalSecondaryIndexes")).stream().map(Nodes::map)
                .map(definition -> LocalSecondaryIndex.builder()
                        .indexName(String.valueOf(definition.get("IndexName")))
                        .keySchema(keySchema(definition.get("KeySchema")))
                        .projection(projection(definition.get("Projection"))).build())
                .toList();
        if (!locals.isEmpty()) request.localSecondaryIndexes(locals);
        return request.build();
    }

    private static List<KeySchemaElement> keySchema(Object node) {
        return Nodes.list(node).stream().map(Nodes::map)
                .map(k -> KeySchemaElement.builder()
                        .attributeName(String.valueOf(k.get("AttributeName")))
                        .keyType(String.valueOf(k.get("KeyType"))).build())
                .toList();
    }

    private static Projection projection(Object node) {
        Map<String, Object> projection = Nodes.map(node);
        Projection.Builder builder = Projection.builder()
                .projectionType(String.valueOf(projection.getOrDefault("ProjectionType", "ALL")));
        List<String> nonKey = Nodes.strings(projection.get("NonKeyAttributes"));
        if (!nonKey.isEmpty()) builder.nonKeyAttributes(nonKey);
        return builder.build();
    }

    private static ProvisionedThroughput throughput(Object node) {
        Map<String, Object> throughput = Nodes.map(node);
        return ProvisionedThroughput.builder()
                .readCapacityUnits(Long.parseLong(String.valueOf(throughput.getOrDefault("ReadCapacityUnits", 5))))
                .writeCapacityUnits(Long.parseLong(String.valueOf(throughput.getOrDefault("WriteCapacityUnits", 5))))
                .build();
    }
}
