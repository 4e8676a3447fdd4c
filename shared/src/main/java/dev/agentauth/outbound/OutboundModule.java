package dev.agentauth.outbound;

import dagger.Module;
import dagger.Provides;
import dev.agentauth.application.outbound.ProviderHttp;
import java.time.Clock;
import javax.inject.Named;
import javax.inject.Singleton;

/**
 * The one outbound HTTP client of the project, guarded by the SSRF rules; private targets only
 * where {@code AGENTAUTH_ALLOW_PRIVATE_TARGETS=true} (local development).
 */
@Module
public final class OutboundModule {

    private OutboundModule() {}

    @Provides
    @Singleton
    static ProviderHttp providerHttp(@Named("allowPrivateTargets") boolean allowPrivateTargets, Clock clock) {
        TargetGuard guard = new TargetGuard(TargetPolicy.strict(allowPrivateTargets), HostResolver.system());
        return new JdkProviderHttp(guard, new PinnedClients(PinnedClients.defaultTrust()), Pacer.system(), clock);
    }
}
