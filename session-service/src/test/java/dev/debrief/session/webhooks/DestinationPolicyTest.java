package dev.debrief.session.webhooks;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DestinationPolicyTest {

    /** Names resolve from this table, literals as the JDK parses them (no DNS is asked for either). */
    private static final Map<String, String[]> DNS = Map.of(
            "hooks.example.com", new String[] { "93.184.216.34" },
            "v6.example.com", new String[] { "2606:2800:220:1:248:1893:25c8:1946" },
            "internal.example.com", new String[] { "10.1.2.3" },
            "metadata.example.com", new String[] { "169.254.169.254" },
            "mixed.example.com", new String[] { "93.184.216.34", "192.168.1.10" },
            "loop6.example.com", new String[] { "::1" },
            "localhost", new String[] { "127.0.0.1", "::1" });

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String[] answer = DNS.get(host);
        if (answer == null) {
            if (host.matches("[0-9.]+|.*:.*")) {
                return new InetAddress[] { InetAddress.getByName(host) }; // a literal: parsed, never looked up
            }
            throw new UnknownHostException(host);
        }
        InetAddress[] out = new InetAddress[answer.length];
        for (int i = 0; i < answer.length; i++) {
            out[i] = InetAddress.getByAddress(host, InetAddress.getByName(answer[i]).getAddress());
        }
        return out;
    }

    private final DestinationPolicy production = new DestinationPolicy(DestinationPolicyTest::resolve, false);
    private final DestinationPolicy demo = new DestinationPolicy(DestinationPolicyTest::resolve, true);

    @Test
    void shouldAcceptAPublicHttpsUrlAndConnectToTheAddressItChecked() {
        Destination d = production.check("https://hooks.example.com/debrief?x=1");

        assertEquals("hooks.example.com", d.host());
        assertEquals(443, d.port());
        assertTrue(d.tls());
        assertEquals("/debrief?x=1", d.pathAndQuery());
        assertEquals("93.184.216.34", d.address().getHostAddress());
    }

    @Test
    void shouldAcceptAPublicIpv6Host() {
        assertEquals(8443, production.check("https://v6.example.com:8443/").port());
        assertTrue(production.check("https://[2606:2800:220:1:248:1893:25c8:1946]/hook").tls());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://hooks.example.com/", // plain http
            "ftp://hooks.example.com/",
            "https://user:pw@hooks.example.com/", // credentials
            "https:///nohost",
            "not a url",
            "/relative/path",
            "https://unknown.example.com/", // does not resolve
            "http://localhost:8080/" // http to localhost only in the demo
    })
    void shouldRefuseUrlsThatAreNotPlainHttpsToAResolvableHost(String url) {
        assertThrows(RefusedDestination.class, () -> production.check(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://127.0.0.1/", "https://127.1/", "https://2130706433/", "https://0.0.0.0/", "https://localhost/",
            "https://10.0.0.1/", "https://172.16.5.4/", "https://172.31.255.255/", "https://192.168.0.1/",
            "https://169.254.169.254/latest/meta-data/", "https://100.64.0.1/", "https://224.0.0.1/",
            "https://255.255.255.255/", "https://198.18.0.1/",
            "https://[::1]/", "https://[::]/", "https://[fe80::1]/", "https://[fc00::1]/", "https://[fd12:3456::1]/",
            "https://[::ffff:127.0.0.1]/", "https://[::ffff:10.0.0.1]/", "https://[::ffff:169.254.169.254]/",
            "https://[::127.0.0.1]/", "https://[64:ff9b::a9fe:a9fe]/", "https://[2002:0a00:0001::1]/",
            "https://[ff02::1]/", "https://[2001:db8::1]/",
            "https://internal.example.com/", "https://metadata.example.com/", "https://loop6.example.com/",
            "https://mixed.example.com/" // one public and one private answer: refused, whichever a connection would take
    })
    void shouldRefuseLoopbackPrivateLinkLocalAndReservedAddressesAfterResolution(String url) {
        // refused as non-public, or (127.1, a name no resolver knows) as no valid host at all
        assertThrows(RefusedDestination.class, () -> production.check(url));
    }

    @Test
    void shouldAllowHttpLocalhostOnlyWithTheDemoSwitchAndOnlyToLoopback() {
        Destination d = demo.check("http://localhost:9123/hook");

        assertFalse(d.tls());
        assertEquals(9123, d.port());
        assertTrue(d.address().isLoopbackAddress());
        // the switch opens localhost only: other private hosts stay refused, plain http elsewhere too
        assertThrows(RefusedDestination.class, () -> demo.check("http://127.0.0.1:9123/hook"));
        assertThrows(RefusedDestination.class, () -> demo.check("https://internal.example.com/"));
        assertThrows(RefusedDestination.class, () -> demo.check("http://hooks.example.com/"));
    }

    @Test
    void shouldJudgeEmbeddedIpv4AsTheAddressItCarries() throws Exception {
        assertTrue(DestinationPolicy.isPublic(InetAddress.getByName("::ffff:93.184.216.34")));
        assertTrue(DestinationPolicy.isPublic(InetAddress.getByName("64:ff9b::5db8:d822"))); // NAT64 of 93.184.216.34
        assertFalse(DestinationPolicy.isPublic(InetAddress.getByName("64:ff9b::7f00:1"))); // NAT64 of 127.0.0.1
    }
}
