package dev.agentauth.bench.variants;

import com.amazonaws.encryptionsdk.AwsCrypto;
import com.amazonaws.encryptionsdk.CommitmentPolicy;
import com.amazonaws.encryptionsdk.CryptoAlgorithm;
import com.amazonaws.encryptionsdk.CryptoMaterialsManager;
import com.amazonaws.encryptionsdk.CryptoResult;
import com.amazonaws.encryptionsdk.caching.CachingCryptoMaterialsManager;
import com.amazonaws.encryptionsdk.caching.LocalCryptoMaterialsCache;
import com.amazonaws.encryptionsdk.kmssdkv2.KmsMasterKeyProvider;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The AWS Encryption SDK for Java 3.x doing what our vault does, at the same safety: the same KMS
 * key (strict KMS master key provider on the SDK v2 client, URL-connection HTTP client), a
 * committing AES-256-GCM suite without the ECDSA signature (our vault has none either), the
 * context (tenant, connection, account, purpose, field) authenticated in the message header and
 * bound to the data key by KMS, and checked after decryption. Caching: the Encryption SDK's
 * caching materials manager with our vault's bounds (100 messages, 5 minutes, 1,000 entries);
 * in 3.x it is the legacy caching API that works with master key providers (the keyring API's
 * caching is the hierarchical keyring, which needs a DynamoDB key store of branch keys).
 * Operations as in our vault's variant: the event's {@code operations}, connection i mod 10,
 * field alternating every ten.
 */
public final class EncryptionSdkHandler implements RequestStreamHandler {

    private static final Pattern OPERATIONS = Pattern.compile("\"operations\"\\s*:\\s*(\\d+)");
    private static final byte[] TOKEN = "ya29.bench-access-token-0123456789abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.UTF_8);

    private final AwsCrypto crypto = AwsCrypto.builder()
            .withCommitmentPolicy(CommitmentPolicy.RequireEncryptRequireDecrypt)
            .withEncryptionAlgorithm(CryptoAlgorithm.ALG_AES_256_GCM_HKDF_SHA512_COMMIT_KEY)
            .build();
    private final CryptoMaterialsManager materials;
    private int operation;

    public EncryptionSdkHandler() {
        Region region = Region.of(System.getenv("AWS_REGION"));
        KmsClient kms = KmsClient.builder().httpClient(UrlConnectionHttpClient.builder().build()).region(region)
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .endpointOverride(URI.create(System.getenv("AWS_ENDPOINT_URL"))).build();
        KmsMasterKeyProvider keys = KmsMasterKeyProvider.builder().customRegionalClientSupplier(r -> kms).defaultRegion(region)
                .buildStrict(System.getenv("BENCH_KMS_KEY_ARN"));
        materials = CachingCryptoMaterialsManager.newBuilder().withMasterKeyProvider(keys)
                .withCache(new LocalCryptoMaterialsCache(1000)).withMaxAge(5, TimeUnit.MINUTES).withMessageUseLimit(100).build();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Matcher m = OPERATIONS.matcher(new String(input.readAllBytes(), StandardCharsets.UTF_8));
        int operations = m.find() ? Integer.parseInt(m.group(1)) : 1;
        for (int i = 0; i < operations; i++, operation++) {
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("tenant", "tenant-bench");
            expected.put("connection", "connection-" + operation % 10);
            expected.put("account", "account-1");
            expected.put("agentauth:purpose", "token-vault");
            expected.put("field", (operation / 10) % 2 == 0 ? "access_token" : "refresh_token");
            byte[] sealed = crypto.encryptData(materials, TOKEN, expected).getResult();
            CryptoResult<byte[], ?> opened = crypto.decryptData(materials, sealed);
            // the header's context is authenticated; that it is the one we expect is ours to check
            Map<String, String> actual = opened.getEncryptionContext();
            for (Map.Entry<String, String> e : expected.entrySet()) {
                if (!e.getValue().equals(actual.get(e.getKey()))) throw new IllegalStateException("wrong encryption context");
            }
            if (!Arrays.equals(opened.getResult(), TOKEN)) throw new IllegalStateException("round trip changed the value");
        }
        output.write(("{\"statusCode\":200,\"headers\":{},\"body\":\"{\\\"operations\\\":" + operations + "}\",\"isBase64Encoded\":false}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
