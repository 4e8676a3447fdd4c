package dev.agentauth.outbound;

import dev.agentauth.application.outbound.ProviderHttp;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.TrustManager;

/**
 * Builds the production {@link ProviderHttp} for tests with three seams: a resolver that answers
 * chosen names (others go to the system resolver), loopback ports that are callable although
 * private targets are disallowed (the mock provider's, never a listener that must stay
 * untouched), and a TLS context that trusts a test certificate. Everything else is production.
 */
public final class ProviderHttpFixture {

    private final Map<String, List<InetAddress>> answers = new HashMap<>();
    private final Set<Integer> loopbackPorts = new HashSet<>();
    private boolean allowPrivateTargets;
    private TrustManager[] trustManagers;
    private Pacer pacer = Pacer.system();
    private HostResolver resolver;
    private Clock clock = Clock.systemUTC();

    public static ProviderHttpFixture builder() {
        return new ProviderHttpFixture();
    }

    /** Production policy with private targets disallowed, except loopback on exactly these ports. */
    public ProviderHttpFixture allowLoopbackPort(int port) {
        loopbackPorts.add(port);
        return this;
    }

    public ProviderHttpFixture allowPrivateTargets(boolean value) {
        allowPrivateTargets = value;
        return this;
    }

    /** Makes {@code host} resolve to these literal addresses (no DNS involved). */
    public ProviderHttpFixture resolve(String host, String... addresses) {
        List<InetAddress> list = new ArrayList<>();
        for (String address : addresses) {
            try {
                list.add(InetAddress.getByAddress(host, InetAddress.getByName(address).getAddress()));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(address, e);
            }
        }
        answers.put(host, List.copyOf(list));
        return this;
    }

    /** Trust exactly these managers (e.g. a test certificate) instead of the JVM's trust store. */
    public ProviderHttpFixture trusting(TrustManager[] value) {
        trustManagers = value;
        return this;
    }

    public ProviderHttpFixture pacer(FakePacer value) {
        pacer = value;
        return this;
    }

    public ProviderHttpFixture clock(Clock value) {
        clock = value;
        return this;
    }

    ProviderHttpFixture resolver(HostResolver value) {
        resolver = value;
        return this;
    }

    public ProviderHttp build() {
        return new JdkProviderHttp(guard(), new PinnedClients(PinnedClients.trusting(trustManagers)), pacer, clock);
    }

    TargetGuard guard() {
        TargetPolicy strict = TargetPolicy.strict(allowPrivateTargets);
        Set<Integer> ports = Set.copyOf(loopbackPorts);
        TargetPolicy policy = (scheme, address, port) ->
                address.isLoopbackAddress() && ports.contains(port) ? Optional.empty() : strict.refusal(scheme, address, port);
        HostResolver system = HostResolver.system();
        Map<String, List<InetAddress>> fixed = Map.copyOf(answers);
        HostResolver chosen = resolver != null ? resolver
                : host -> fixed.containsKey(host) ? fixed.get(host) : system.resolve(host);
        return new TargetGuard(policy, chosen);
    }
}
