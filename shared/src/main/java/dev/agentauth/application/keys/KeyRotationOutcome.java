package dev.agentauth.application.keys;

/** What the key rotator did to the key: whether it (re-)enabled automatic rotation and whether it rotated now. */
public record KeyRotationOutcome(String keyId, boolean automaticRotationEnabled, boolean rotatedOnDemand) {}
