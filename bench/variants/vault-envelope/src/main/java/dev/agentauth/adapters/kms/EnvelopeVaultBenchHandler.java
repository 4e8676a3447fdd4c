package dev.agentauth.adapters.kms;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.agentauth.application.vault.SealedValue;
import dev.agentauth.application.vault.TokenVault;
import dev.agentauth.application.vault.VaultContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Our vault in a bench variant (bench/variants/vault-envelope; lives in the vault's package to
 * build {@link KmsEnvelopeVault} without the Dagger module): each operation seals a token and
 * opens it again under the same context. The event's {@code operations} says how many
 * operations one invocation makes (default 1); operation i uses connection i mod 10 and
 * alternates the field every ten operations, so 100 operations touch 10 owner contexts and
 * 20 (owner, field) contexts, as a refresher sealing access and refresh tokens would.
 */
public final class EnvelopeVaultBenchHandler implements RequestStreamHandler {

    private static final Pattern OPERATIONS = Pattern.compile("\"operations\"\\s*:\\s*(\\d+)");
    private static final byte[] TOKEN = "ya29.bench-access-token-0123456789abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.UTF_8);

    private final TokenVault vault;
    private int operation;

    public EnvelopeVaultBenchHandler() {
        KmsClient kms = KmsClient.builder().httpClient(UrlConnectionHttpClient.builder().build())
                .region(Region.of(System.getenv("AWS_REGION")))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .endpointOverride(URI.create(System.getenv("AWS_ENDPOINT_URL"))).build();
        vault = new KmsEnvelopeVault(kms, System.getenv("BENCH_KMS_KEY_ARN"), DataKeyCache.defaults(Clock.systemUTC()));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Matcher m = OPERATIONS.matcher(new String(input.readAllBytes(), StandardCharsets.UTF_8));
        int operations = m.find() ? Integer.parseInt(m.group(1)) : 1;
        for (int i = 0; i < operations; i++, operation++) {
            VaultContext owner = VaultContext.of("tenant-bench", "connection-" + operation % 10, "account-1",
                    (operation / 10) % 2 == 0 ? "access_token" : "refresh_token");
            SealedValue sealed = vault.seal(owner, TOKEN);
            if (!Arrays.equals(vault.open(owner, sealed), TOKEN)) throw new IllegalStateException("round trip changed the value");
        }
        output.write(("{\"statusCode\":200,\"headers\":{},\"body\":\"{\\\"operations\\\":" + operations + "}\",\"isBase64Encoded\":false}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
