package dev.agentauth.adapters.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentauth.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Captures what is published on a test event bus: a rule matching source {@code agentauth}
 * delivers every event to an SQS queue that {@link #drain()} empties. Needs
 * {@code software.amazon.awssdk:sqs} on the test classpath.
 */
public final class EventCapture implements AutoCloseable {

    private final SqsClient sqs;
    private final String queueUrl;

    private EventCapture(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    public static EventCapture on(EmulatorResources resources) {
        var endpoint = resources.endpoint();
        SqsClient sqs = dev.agentauth.config.AwsClients.build(SqsClient.builder(),
                UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build(), Region.of(endpoint.region()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(endpoint.accessKeyId(), endpoint.secretAccessKey())),
                Optional.of(endpoint.url()));
        String queueName = "agentauth-events-" + resources.busName();
        String queueUrl = sqs.createQueue(r -> r.queueName(queueName)).queueUrl();
        String queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        try (EventBridgeClient events = resources.eventBridge()) {
            events.putRule(r -> r.name("capture-all").eventBusName(resources.busName())
                    .eventPattern("{\"source\":[\"agentauth\"]}"));
            events.putTargets(r -> r.rule("capture-all").eventBusName(resources.busName())
                    .targets(t -> t.id("queue").arn(queueArn)));
        }
        return new EventCapture(sqs, queueUrl);
    }

    /** Every event delivered so far (EventBridge envelopes: source, detail-type, detail), oldest first. */
    public List<JsonNode> drain() {
        List<JsonNode> events = new ArrayList<>();
        while (true) {
            List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
            if (batch.isEmpty()) return events;
            for (Message message : batch) {
                events.add(Json.parse(message.body()));
                sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
    }

    @Override
    public void close() {
        sqs.close();
    }
}
