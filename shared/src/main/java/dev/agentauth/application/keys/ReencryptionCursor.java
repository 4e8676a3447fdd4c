package dev.agentauth.application.keys;

import java.util.Optional;

/**
 * How far the pass that re-seals vault items under {@code targetKeyId} has come: the shard of
 * the refresh-due index being walked and where in it; {@code completed} once every shard was
 * walked. {@code version} guards concurrent runs.
 */
public record ReencryptionCursor(String targetKeyId, int shard, Optional<String> position, boolean completed, long version) {

    public static ReencryptionCursor start(String targetKeyId, long version) {
        return new ReencryptionCursor(targetKeyId, 0, Optional.empty(), false, version);
    }

    public ReencryptionCursor at(int nextShard, Optional<String> nextPosition) {
        return new ReencryptionCursor(targetKeyId, nextShard, nextPosition, false, version);
    }

    public ReencryptionCursor done() {
        return new ReencryptionCursor(targetKeyId, shard, Optional.empty(), true, version);
    }
}
