package dev.agentauth.adapters.refresh;

import dagger.Binds;
import dagger.Module;
import dev.agentauth.application.refresh.AccountRefresh;
import dev.agentauth.application.refresh.DueAccountRefresh;

/** Due accounts are refreshed through the token route's single-flight refresher. */
@Module
public interface DueAccountRefreshModule {
    @Binds
    AccountRefresh accountRefresh(DueAccountRefresh refresh);
}
