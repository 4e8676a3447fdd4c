package dev.agentauth.local.aws;

import dev.agentauth.local.RuntimeLog;
import dev.agentauth.local.template.Resolver;
import dev.agentauth.local.template.Template;
import dev.agentauth.testkit.AwsEndpoint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Creates the resources {@code template.yaml} declares in the emulator (in dependency order) and
 * answers {@code Ref}/{@code Fn::GetAtt} with their local physical names. Resource types the
 * local runtime does not need (log groups, alarms, the HTTP API itself) are not created; a
 * {@code Ref} to them resolves to {@code <stack>-<LogicalId>}.
 */
public final class EmulatorResources {

    /** moto's account id; pseudo parameter AWS::AccountId locally. */
    public static final String ACCOUNT_ID = "123456789012";
    private static final Pattern SUB_REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9]+)[.}]");

    private final Template template;
    private final Resolver resolver;
    private final Map<String, PhysicalResource> created;

    private EmulatorResources(Template template, Resolver resolver, Map<String, PhysicalResource> created) {
        this.template = template;
        this.resolver = resolver;
        this.created = created;
    }

    /**
     * Creates the template's resources.
     *
     * @param parameterOverrides values for template parameters (those without a default must be given)
     */
    public static EmulatorResources create(Template template, AwsEndpoint endpoint, String stackName,
                                           Map<String, String> parameterOverrides) {
        Map<String, PhysicalResource> created = new LinkedHashMap<>();
        Map<String, String> pseudo = pseudoParameters(stackName, endpoint.region());
        Function<String, String> refs = id -> created.containsKey(id) ? created.get(id).ref() : null;
        Function<List<String>, String> attributes = target -> {
            PhysicalResource resource = created.get(target.get(0));
            return resource == null || target.size() < 2 ? null : resource.attributes().get(target.get(1));
        };
        Resolver resolver = new Resolver(template, pseudo, parameterOverrides, refs, attributes);
        try (Clients clients = new Clients(endpoint)) {
            Map<String, ResourceProvisioner> provisioners = new LinkedHashMap<>();
            for (ResourceProvisioner p : List.of(
                    new KmsKeyProvisioner(clients.kms), new KmsAliasProvisioner(clients.kms),
                    new DynamoDbTableProvisioner(clients.dynamo), new EventBusProvisioner(clients.events))) {
                provisioners.put(p.type(), p);
            }
            for (Template.Resource resource : inDependencyOrder(template, provisioners.keySet())) {
                PhysicalResource physical = provisioners.get(resource.type()).provision(resource, resolver, template);
                created.put(resource.logicalId(), physical);
                RuntimeLog.info("created %s %s -> %s", resource.type(), resource.logicalId(), physical.ref());
            }
        }
        return new EmulatorResources(template, resolver, created);
    }

    /** The pseudo parameters ({@code AWS::StackName}, {@code AWS::Region}, ...) of a local stack. */
    public static Map<String, String> pseudoParameters(String stackName, String region) {
        return Map.of(
                "AWS::StackName", stackName,
                "AWS::Region", region,
                "AWS::AccountId", ACCOUNT_ID,
                "AWS::Partition", "aws",
                "AWS::URLSuffix", "amazonaws.com",
                "AWS::StackId", "arn:aws:cloudformation:" + region + ":" + ACCOUNT_ID + ":stack/" + stackName + "/local");
    }

    public Template template() {
        return template;
    }

    public Resolver resolver() {
        return resolver;
    }

    public Map<String, PhysicalResource> created() {
        return Map.copyOf(created);
    }

    /** The resources the emulator must hold, each after the resources it references. */
    private static List<Template.Resource> inDependencyOrder(Template template, Set<String> types) {
        Map<String, Template.Resource> wanted = new LinkedHashMap<>();
        template.resources().keySet().forEach(id -> template.resource(id)
                .filter(r -> types.contains(r.type())).ifPresent(r -> wanted.put(id, r)));
        List<Template.Resource> ordered = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (String id : wanted.keySet()) visit(id, wanted, done, new LinkedHashSet<>(), ordered);
        return ordered;
    }

    private static void visit(String id, Map<String, Template.Resource> wanted, Set<String> done, Set<String> path,
                              List<Template.Resource> ordered) {
        if (done.contains(id) || !wanted.containsKey(id)) return;
        if (!path.add(id)) throw new IllegalStateException("circular reference through " + path);
        for (String dependency : references(wanted.get(id).properties())) visit(dependency, wanted, done, path, ordered);
        path.remove(id);
        done.add(id);
        ordered.add(wanted.get(id));
    }

    /** Logical ids a value refers to through Ref, Fn::GetAtt or ${...} in Fn::Sub. */
    static Set<String> references(Object node) {
        Set<String> found = new LinkedHashSet<>();
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("Ref".equals(key)) found.add(String.valueOf(value));
                else if ("Fn::GetAtt".equals(key)) found.add(Template.Nodes.strings(value).get(0));
                else if ("Fn::Sub".equals(key)) {
                    String text = String.valueOf(value instanceof List<?> l ? l.get(0) : value);
                    Matcher m = SUB_REFERENCE.matcher(text);
                    while (m.find()) found.add(m.group(1));
                }
                found.addAll(references(value));
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> found.addAll(references(item)));
        }
        return found;
    }

    /** SDK clients for provisioning, with the emulator's fake identity. */
    private static final class Clients implements AutoCloseable {
        final SdkHttpClient http = UrlConnectionHttpClient.create();
        final DynamoDbClient dynamo;
        final KmsClient kms;
        final EventBridgeClient events;

        Clients(AwsEndpoint endpoint) {
            dynamo = build(DynamoDbClient.builder(), endpoint);
            kms = build(KmsClient.builder(), endpoint);
            events = build(EventBridgeClient.builder(), endpoint);
        }

        private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, AwsEndpoint endpoint) {
            builder.httpClient(http)
                    .region(Region.of(endpoint.region()))
                    .endpointOverride(endpoint.url())
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(endpoint.accessKeyId(), endpoint.secretAccessKey())));
            return builder.build();
        }

        @Override
        public void close() {
            dynamo.close();
            kms.close();
            events.close();
            http.close();
        }
    }
}
