package dev.agentauth.bench.variants;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.ServiceLoader;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpService;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One DynamoDB GetItem per request with whichever SDK HTTP client is on the classpath: the
 * bench runs this class with the URL-connection, Apache or CRT client (modules http-*). The
 * client is found the way the SDK finds its default (the {@link SdkHttpService} service file of
 * the one client jar present) and its name is returned in the body, so a run proves which
 * client answered.
 */
public final class GetItemHandler implements RequestStreamHandler {

    private final SdkHttpClient http = ServiceLoader.load(SdkHttpService.class).findFirst()
            .orElseThrow(() -> new IllegalStateException("no SDK HTTP client on the classpath"))
            .createHttpClientBuilder().build();
    private final DynamoDbClient dynamoDb = DynamoDbClient.builder().httpClient(http)
            .region(Region.of(System.getenv("AWS_REGION")))
            .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
            .endpointOverride(URI.create(System.getenv("AWS_ENDPOINT_URL"))).build();
    private final String table = System.getenv("AGENTAUTH_TABLE_NAME");

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        boolean found = dynamoDb.getItem(r -> r.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("BENCH#floor"), "sk", AttributeValue.fromS("ITEM")))).hasItem();
        output.write(("{\"statusCode\":200,\"headers\":{},\"body\":\"{\\\"client\\\":\\\"" + http.clientName() + "\\\",\\\"found\\\":" + found
                + "}\",\"isBase64Encoded\":false}").getBytes(StandardCharsets.UTF_8));
    }
}
