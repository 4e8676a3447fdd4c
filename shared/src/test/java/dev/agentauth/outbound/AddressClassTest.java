package dev.agentauth.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressClassTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "8.8.8.8, PUBLIC", "93.184.216.34, PUBLIC", "1.1.1.1, PUBLIC", "172.32.0.1, PUBLIC", "100.128.0.1, PUBLIC",
            "198.20.0.1, PUBLIC", "223.255.255.255, PUBLIC",
            "127.0.0.1, LOOPBACK", "127.255.255.255, LOOPBACK",
            "10.1.2.3, PRIVATE", "172.16.0.1, PRIVATE", "172.31.255.255, PRIVATE", "192.168.0.1, PRIVATE",
            "100.64.0.1, CGNAT", "100.127.255.255, CGNAT",
            "169.254.0.1, LINK_LOCAL", "169.254.169.254, METADATA",
            "0.0.0.0, UNSPECIFIED", "0.1.2.3, UNSPECIFIED",
            "224.0.0.1, MULTICAST", "239.255.255.255, MULTICAST", "255.255.255.255, BROADCAST",
            "240.0.0.1, RESERVED", "192.0.0.8, RESERVED", "192.88.99.1, RESERVED",
            "198.18.0.1, BENCHMARK", "198.19.255.255, BENCHMARK",
            "192.0.2.1, DOCUMENTATION", "198.51.100.1, DOCUMENTATION", "203.0.113.1, DOCUMENTATION",
            "2606:4700:4700::1111, PUBLIC", "2a00:1450:4001:81c::200e, PUBLIC",
            "::1, LOOPBACK", "::, UNSPECIFIED", "::127.0.0.1, IPV4_MAPPED", "::8.8.8.8, IPV4_MAPPED",
            "fe80::1, LINK_LOCAL", "febf::1, LINK_LOCAL", "fec0::1, RESERVED", "fc00::1, UNIQUE_LOCAL", "fdff::1, UNIQUE_LOCAL",
            "fd00:ec2::254, METADATA", "ff02::1, MULTICAST", "ff0e::1, MULTICAST",
            "2002:7f00:1::1, EMBEDDED_NON_PUBLIC", "2002:a00:1::1, EMBEDDED_NON_PUBLIC", "2002:808:808::1, PUBLIC",
            "2001:0:4136:e378:8000:63bf:80ff:fffe, EMBEDDED_NON_PUBLIC", "2001:0:4136:e378:8000:63bf:f7f7:f7f7, PUBLIC",
            "64:ff9b::7f00:1, EMBEDDED_NON_PUBLIC", "64:ff9b::808:808, PUBLIC", "64:ff9b:1::1, RESERVED",
            "2001:db8::1, DOCUMENTATION", "2001:2::1, BENCHMARK", "2001:10::1, RESERVED", "100::1, RESERVED"
    })
    void classifies(String address, AddressClass expected) throws Exception {
        assertEquals(expected, AddressClass.of(InetAddress.getByName(address)));
    }
}
