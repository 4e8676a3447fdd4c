package dev.agentauth.adapters.rotation;

import dagger.Binds;
import dagger.Module;
import dev.agentauth.application.rotation.CredentialCheck;
import dev.agentauth.application.testing.CandidateCredentialCheck;

/** Candidate credentials are tested with the connection test's own checks (through the guarded outbound client). */
@Module
public interface CredentialCheckModule {
    @Binds
    CredentialCheck check(CandidateCredentialCheck check);
}
