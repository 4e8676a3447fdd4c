package dev.agentauth.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * What kind of network an address belongs to, for the SSRF guard. Only {@link #PUBLIC}
 * addresses are callable in production; {@link #isPrivateNetwork()} classes become callable
 * when private targets are allowed (local development); the rest never are.
 */
enum AddressClass {
    PUBLIC("a public address"),
    LOOPBACK("a loopback address"),
    PRIVATE("a private network address (RFC 1918)"),
    UNIQUE_LOCAL("a private network address (IPv6 unique local)"),
    CGNAT("a carrier-grade NAT address"),
    LINK_LOCAL("a link-local address"),
    METADATA("a cloud metadata address"),
    UNSPECIFIED("an unspecified address"),
    MULTICAST("a multicast address"),
    BROADCAST("a broadcast address"),
    BENCHMARK("a benchmarking address"),
    DOCUMENTATION("a documentation address"),
    RESERVED("a reserved address"),
    IPV4_MAPPED("an IPv4-mapped or IPv4-compatible IPv6 address"),
    EMBEDDED_NON_PUBLIC("an IPv6 address embedding a non-public IPv4 address (6to4, Teredo, NAT64)");

    private final String description;

    AddressClass(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    /** Networks a developer's sandbox may legitimately use when private targets are allowed. */
    boolean isPrivateNetwork() {
        return this == LOOPBACK || this == PRIVATE || this == UNIQUE_LOCAL || this == CGNAT || this == LINK_LOCAL;
    }

    static AddressClass of(InetAddress address) {
        byte[] b = address.getAddress();
        return address instanceof Inet4Address ? ofIpv4(b) : ofIpv6(b, (Inet6Address) address);
    }

    static AddressClass ofIpv4(byte[] b) {
        int a0 = b[0] & 0xff, a1 = b[1] & 0xff, a2 = b[2] & 0xff, a3 = b[3] & 0xff;
        if (a0 == 0) return UNSPECIFIED;                                   // 0.0.0.0/8 "this network"
        if (a0 == 127) return LOOPBACK;
        if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) return PRIVATE;
        if (a0 == 100 && (a1 & 0xc0) == 64) return CGNAT;                  // 100.64.0.0/10
        if (a0 == 169 && a1 == 254) return a2 == 169 && a3 == 254 ? METADATA : LINK_LOCAL;
        if (a0 == 192 && a1 == 0 && a2 == 0) return RESERVED;              // 192.0.0.0/24 IETF protocol assignments
        if ((a0 == 192 && a1 == 0 && a2 == 2) || (a0 == 198 && a1 == 51 && a2 == 100) || (a0 == 203 && a1 == 0 && a2 == 113)) {
            return DOCUMENTATION;
        }
        if (a0 == 192 && a1 == 88 && a2 == 99) return RESERVED;            // deprecated 6to4 relay anycast
        if (a0 == 198 && (a1 & 0xfe) == 18) return BENCHMARK;             // 198.18.0.0/15
        if (a0 >= 224 && a0 <= 239) return MULTICAST;
        if (a0 == 255 && a1 == 255 && a2 == 255 && a3 == 255) return BROADCAST;
        if (a0 >= 240) return RESERVED;                                    // 240.0.0.0/4
        return PUBLIC;
    }

    static AddressClass ofIpv6(byte[] b, Inet6Address address) {
        if (address.isAnyLocalAddress()) return UNSPECIFIED;
        if (address.isLoopbackAddress()) return LOOPBACK;
        if (isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) return IPV4_MAPPED;
        if (isZero(b, 0, 12)) return IPV4_MAPPED;                          // ::/96 IPv4-compatible (deprecated)
        int w0 = word(b, 0), w1 = word(b, 2);
        if ((w0 & 0xff00) == 0xff00) return MULTICAST;                     // ff00::/8
        if ((w0 & 0xffc0) == 0xfe80) return LINK_LOCAL;                    // fe80::/10
        if ((w0 & 0xffc0) == 0xfec0) return RESERVED;                      // fec0::/10 site-local (deprecated)
        if ((w0 & 0xfe00) == 0xfc00) {                                     // fc00::/7
            return w0 == 0xfd00 && w1 == 0x0ec2 && isZero(b, 4, 14) && word(b, 14) == 0x0254 ? METADATA : UNIQUE_LOCAL;
        }
        if (w0 == 0x0064 && w1 == 0xff9b) {
            // NAT64: 64:ff9b::/96 embeds a public IPv4 address (DNS64 in IPv6-only networks); 64:ff9b:1::/48 is local use
            if (isZero(b, 4, 12)) return embedded(b, 12);
            return RESERVED;
        }
        if (w0 == 0x2002) return embedded(b, 2);                           // 6to4 2002::/16
        if (w0 == 0x2001 && w1 == 0x0000) {                                // Teredo 2001::/32: server and XOR-ed client
            byte[] client = {(byte) ~b[12], (byte) ~b[13], (byte) ~b[14], (byte) ~b[15]};
            return ofIpv4(slice(b, 4)) == PUBLIC && ofIpv4(client) == PUBLIC ? PUBLIC : EMBEDDED_NON_PUBLIC;
        }
        if (w0 == 0x2001 && w1 == 0x0db8) return DOCUMENTATION;            // 2001:db8::/32
        if (w0 == 0x2001 && w1 == 0x0002 && word(b, 4) == 0) return BENCHMARK; // 2001:2::/48
        if (w0 == 0x2001 && (w1 & 0xfff0) == 0x0010) return RESERVED;      // ORCHID 2001:10::/28
        if ((w0 & 0xe000) != 0x2000) return RESERVED;                      // outside global unicast 2000::/3 (e.g. 100::/64 discard)
        return PUBLIC;
    }

    private static AddressClass embedded(byte[] b, int offset) {
        return ofIpv4(slice(b, offset)) == PUBLIC ? PUBLIC : EMBEDDED_NON_PUBLIC;
    }

    private static byte[] slice(byte[] b, int offset) {
        return new byte[] {b[offset], b[offset + 1], b[offset + 2], b[offset + 3]};
    }

    private static int word(byte[] b, int offset) {
        return ((b[offset] & 0xff) << 8) | (b[offset + 1] & 0xff);
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) if (b[i] != 0) return false;
        return true;
    }
}
