package dev.agentauth.application.accounts;

import java.util.Optional;

/** Port: pending authorizations, each usable once. Expired ones are garbage-collected by TTL. */
public interface OAuthStateStore {

    void save(OAuthState state);

    /**
     * Removes the state with this hash and answers it, atomically: of two callbacks carrying
     * the same state exactly one gets it. Empty when unknown or already used.
     */
    Optional<OAuthState> consume(String stateHash);
}
