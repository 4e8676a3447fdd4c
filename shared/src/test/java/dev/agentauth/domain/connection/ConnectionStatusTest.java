package dev.agentauth.domain.connection;

import static dev.agentauth.domain.connection.ConnectionStatus.ACTIVE;
import static dev.agentauth.domain.connection.ConnectionStatus.DRAFT;
import static dev.agentauth.domain.connection.ConnectionStatus.ERROR;
import static dev.agentauth.domain.connection.ConnectionStatus.INACTIVE;
import static dev.agentauth.domain.connection.ConnectionStatus.TESTING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConnectionStatusTest {

    @Test
    void ownersOnlyToggleActiveAndInactive() {
        assertTrue(ACTIVE.mayBeSetByOwnerTo(INACTIVE));
        assertTrue(INACTIVE.mayBeSetByOwnerTo(ACTIVE));
        assertFalse(DRAFT.mayBeSetByOwnerTo(ACTIVE));
        assertFalse(ERROR.mayBeSetByOwnerTo(ACTIVE));
        assertFalse(ACTIVE.mayBeSetByOwnerTo(TESTING));
        assertFalse(INACTIVE.mayBeSetByOwnerTo(DRAFT));
    }

    @Test
    void materialEditsNeedANewTestAndAnyEditClearsAFailure() {
        assertEquals(DRAFT, ACTIVE.afterEdit(true));
        assertEquals(ACTIVE, ACTIVE.afterEdit(false));
        assertEquals(DRAFT, INACTIVE.afterEdit(true));
        assertEquals(INACTIVE, INACTIVE.afterEdit(false));
        assertEquals(DRAFT, ERROR.afterEdit(false));
        assertEquals(DRAFT, TESTING.afterEdit(false));
        assertEquals(DRAFT, DRAFT.afterEdit(true));
    }

    @Test
    void secretValuesNeverPrintThemselves() {
        SecretValue secret = new SecretValue("super-secret-value");

        assertFalse(secret.toString().contains("super"));
        assertEquals("alue", secret.last4());
        assertEquals("", new SecretValue("abc").last4());
    }
}
