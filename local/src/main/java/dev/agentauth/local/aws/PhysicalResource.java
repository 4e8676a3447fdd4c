package dev.agentauth.local.aws;

import java.util.Map;

/** What a resource created in the emulator answers to {@code Ref} and {@code Fn::GetAtt}. */
public record PhysicalResource(String logicalId, String type, String ref, Map<String, String> attributes) {
    public PhysicalResource {
        attributes = Map.copyOf(attributes);
    }
}
