package dev.agentauth.adapters.refresh;

import dagger.BindsInstance;
import dagger.Component;
import dev.agentauth.adapters.scheduling.RunLedgerModule;
import dev.agentauth.application.refresh.AccountRefresh;
import dev.agentauth.application.refresh.ScheduledRefresh;
import dev.agentauth.config.ConfigurationModule;
import dev.agentauth.config.Environment;
import dev.agentauth.testkit.AwsEndpoint;
import java.util.HashMap;
import java.util.Map;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The refresher's production modules, with the "refresh one account" port supplied by the test. */
@Singleton
@Component(modules = {ConfigurationModule.class, RunLedgerModule.class, RefreshIndexModule.class})
interface RefreshTestComponent {

    ScheduledRefresh scheduledRefresh();

    DynamoDbClient dynamo();

    @Component.Builder
    interface Builder {
        Builder configurationModule(ConfigurationModule module);

        @BindsInstance
        Builder accountRefresh(AccountRefresh refresh);

        RefreshTestComponent build();
    }

    static RefreshTestComponent create(AwsEndpoint aws, String table, AccountRefresh refresh) {
        Map<String, String> env = new HashMap<>(aws.environment());
        env.put("AGENTAUTH_TABLE_NAME", table);
        return DaggerRefreshTestComponent.builder()
                .configurationModule(new ConfigurationModule(Environment.of(env)))
                .accountRefresh(refresh)
                .build();
    }
}
