package dev.agentauth.adapters.rotation;

import dagger.Binds;
import dagger.Module;
import dev.agentauth.application.rotation.CredentialCheck;
import dev.agentauth.application.rotation.ProviderCredentialCheck;

/** Candidate credentials are tested against the provider through the guarded outbound client. */
@Module
public interface CredentialCheckModule {
    @Binds
    CredentialCheck check(ProviderCredentialCheck check);
}
