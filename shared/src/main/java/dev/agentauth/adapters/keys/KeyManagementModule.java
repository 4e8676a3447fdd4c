package dev.agentauth.adapters.keys;

import dagger.Module;
import dagger.Provides;
import dev.agentauth.application.keys.KeyManagement;
import dev.agentauth.application.keys.KeyRotationPolicy;
import dev.agentauth.application.keys.ReencryptionCursors;
import dev.agentauth.config.DynamoDbModule;
import dev.agentauth.config.KmsModule;
import javax.inject.Named;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;

/** The stack key's rotation controls, the stack's rotation policy and the vault re-encryption cursor. */
@Module(includes = {KmsModule.class, DynamoDbModule.class})
public final class KeyManagementModule {

    private KeyManagementModule() {}

    @Provides
    @Singleton
    static KeyManagement keyManagement(KmsClient kms, @Named("kmsKeyId") String keyId) {
        return new KmsKeyManagement(kms, keyId);
    }

    @Provides
    @Singleton
    static ReencryptionCursors cursors(DynamoDbClient dynamo, @Named("tableName") String table) {
        return new DynamoReencryptionCursors(dynamo, table);
    }

    @Provides
    static KeyRotationPolicy policy(@Named("keyRotationPeriodDays") int periodDays) {
        return new KeyRotationPolicy(periodDays);
    }
}
