package dev.agentauth.application.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentauth.json.Json;
import org.junit.jupiter.api.Test;

class ConnectionEditorTest {

    @Test
    void mergePatchFollowsRfc7396() {
        ObjectNode target = (ObjectNode) Json.parse("{\"a\":\"b\",\"c\":{\"d\":\"e\",\"f\":\"g\"},\"l\":[1,2]}");

        ConnectionEditor.mergePatch(target, (ObjectNode) Json.parse("{\"a\":\"z\",\"c\":{\"f\":null},\"l\":[3],\"n\":{\"x\":1}}"));

        assertEquals(Json.parse("{\"a\":\"z\",\"c\":{\"d\":\"e\"},\"l\":[3],\"n\":{\"x\":1}}"), target);
    }
}
