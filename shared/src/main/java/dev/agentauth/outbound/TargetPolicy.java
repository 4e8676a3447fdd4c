package dev.agentauth.outbound;

import java.net.InetAddress;
import java.util.Optional;

/** Decides whether one resolved address may be called with a scheme and port. */
@FunctionalInterface
interface TargetPolicy {

    /** Empty when allowed, otherwise why not, in words for the user. */
    Optional<String> refusal(String scheme, InetAddress address, int port);

    /**
     * The production rule (SECURITY.md 20–21): public addresses over https. With private targets
     * allowed (local development only) private networks are callable too, and plain http only on
     * loopback. Metadata, unspecified, multicast, broadcast, reserved and IPv4-mapped addresses
     * are never callable.
     */
    static TargetPolicy strict(boolean allowPrivateTargets) {
        return (scheme, address, port) -> {
            AddressClass kind = AddressClass.of(address);
            boolean addressAllowed = kind == AddressClass.PUBLIC || (allowPrivateTargets && kind.isPrivateNetwork());
            if (!addressAllowed) return Optional.of("resolves to " + kind.description() + ", which is not allowed");
            if ("https".equals(scheme)) return Optional.empty();
            if (allowPrivateTargets && kind == AddressClass.LOOPBACK) return Optional.empty();
            return Optional.of("uses plain http; only https is allowed");
        };
    }
}
