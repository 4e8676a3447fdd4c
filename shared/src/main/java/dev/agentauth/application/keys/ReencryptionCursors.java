package dev.agentauth.application.keys;

import java.util.Optional;

/** Port: the one re-encryption cursor of the stack; saves are conditional on the version read (0 = none yet). */
public interface ReencryptionCursors {

    Optional<ReencryptionCursor> find();

    /** Stores {@code cursor} as version {@code cursor.version() + 1} if the stored one is still {@code cursor.version()}. */
    boolean save(ReencryptionCursor cursor);
}
