package dev.agentauth.application.accounts;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;

/** Binds the account use cases' ports to their application-level implementations. */
@Module(includes = AccountsModule.Bindings.class)
public final class AccountsModule {

    private AccountsModule() {}

    @Provides
    static RefreshPolicy refreshPolicy() {
        return RefreshPolicy.defaults();
    }

    @Module
    public interface Bindings {
        @Binds
        OAuthClients oauthClients(ConnectionOAuthClients clients);

        @Binds
        ClientSecrets clientSecrets(StoredClientSecrets secrets);

        @Binds
        TokenEndpoint tokenEndpoint(OAuthTokenClient client);

        @Binds
        AccountEvents accountEvents(PublishedAccountEvents events);
    }
}
