package dev.debrief.session.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which URLs a firm's endpoint may have, against SSRF: https only (http only to {@code localhost} when the
 * demo switch is on), no credentials in the URL, and every address the host resolves to must be a public
 * unicast address: loopback, private, link-local, unique-local, carrier-grade NAT, multicast, unspecified and
 * reserved ranges are refused, IPv4 embedded in IPv6 (mapped, compatible, NAT64, 6to4) is judged as the IPv4
 * it carries. Checked at registration and again before every attempt, on a fresh resolution.
 */
public final class DestinationPolicy {

    /** Name resolution, replaceable in tests (a name that resolves to a private address). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    static final int MAX_URL = 2000;

    private final Resolver resolver;
    private final boolean allowHttpLocalhost;

    public DestinationPolicy(Resolver resolver, boolean allowHttpLocalhost) {
        this.resolver = resolver;
        this.allowHttpLocalhost = allowHttpLocalhost;
    }

    /** The checked destination of {@code url}, or {@link RefusedDestination} saying why not. */
    public Destination check(String url) {
        URI uri = parse(url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean localhost = allowHttpLocalhost && host.equals("localhost");
        if (!scheme.equals("https") && !(scheme.equals("http") && localhost)) {
            throw new RefusedDestination(allowHttpLocalhost ? "must be https (or http://localhost)" : "must be https");
        }
        boolean tls = scheme.equals("https");
        int port = uri.getPort() == -1 ? (tls ? 443 : 80) : uri.getPort();
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(stripBrackets(host));
        } catch (UnknownHostException e) {
            throw new RefusedDestination("host " + host + " does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            throw new RefusedDestination("host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            // the demo's localhost must be loopback and nothing else; every other host must be public
            if (localhost ? !address.isLoopbackAddress() : !isPublic(address)) {
                throw new RefusedDestination("host " + host + " resolves to a non-public address ("
                        + address.getHostAddress() + ")");
            }
        }
        return new Destination(host, port, tls, path, addresses[0]);
    }

    private static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new RefusedDestination("must not be blank");
        }
        if (url.length() > MAX_URL) {
            throw new RefusedDestination("must be at most " + MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new RefusedDestination("is not a URL");
        }
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new RefusedDestination("must be an absolute URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new RefusedDestination("must not carry credentials");
        }
        if (uri.getRawFragment() != null) {
            throw new RefusedDestination("must not have a fragment");
        }
        return uri;
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** A global unicast address: anything else (loopback, private, link-local, reserved…) is refused. */
    static boolean isPublic(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            byte[] embedded = embeddedIpv4(b);
            if (embedded != null) {
                return isPublicIpv4(embedded);
            }
            if (v6.isAnyLocalAddress() || v6.isLoopbackAddress() || v6.isLinkLocalAddress() || v6.isSiteLocalAddress()
                    || v6.isMulticastAddress()) {
                return false;
            }
            int first = b[0] & 0xff;
            // only 2000::/3 is global unicast; fc00::/7 unique-local and the rest are not reachable publicly
            if ((first & 0xe0) != 0x20) {
                return false;
            }
            // 2001:db8::/32 documentation, 2001::/32 Teredo (tunnels to an address it hides)
            return !(first == 0x20 && (b[1] & 0xff) == 0x01 && ((b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8
                    || b[2] == 0 && b[3] == 0));
        }
        return address instanceof Inet4Address && isPublicIpv4(address.getAddress());
    }

    /** The IPv4 address an IPv6 address carries: mapped ::ffff:a.b.c.d, compatible ::a.b.c.d, NAT64, 6to4. */
    private static byte[] embeddedIpv4(byte[] b) {
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= b[i] == 0;
        }
        boolean mapped = zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0);
        if (mapped || compatible) {
            return new byte[] { b[12], b[13], b[14], b[15] };
        }
        // 64:ff9b::/96 (NAT64 well-known prefix)
        if (b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            return new byte[] { b[12], b[13], b[14], b[15] };
        }
        // 2002::/16 (6to4) carries the IPv4 in bytes 2 to 5
        if (b[0] == 0x20 && b[1] == 0x02) {
            return new byte[] { b[2], b[3], b[4], b[5] };
        }
        return null;
    }

    private static boolean isPublicIpv4(byte[] a) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        int b2 = a[2] & 0xff;
        return !(b0 == 0                                   // 0.0.0.0/8 "this network"
                || b0 == 10                                // private
                || b0 == 100 && b1 >= 64 && b1 <= 127      // 100.64.0.0/10 carrier-grade NAT
                || b0 == 127                               // loopback
                || b0 == 169 && b1 == 254                  // link-local (cloud metadata lives here)
                || b0 == 172 && b1 >= 16 && b1 <= 31       // private
                || b0 == 192 && b1 == 0 && b2 == 0         // 192.0.0.0/24 protocol assignments
                || b0 == 192 && b1 == 0 && b2 == 2         // documentation
                || b0 == 192 && b1 == 88 && b2 == 99       // 6to4 relay anycast
                || b0 == 192 && b1 == 168                  // private
                || b0 == 198 && (b1 == 18 || b1 == 19)     // benchmarking
                || b0 == 198 && b1 == 51 && b2 == 100      // documentation
                || b0 == 203 && b1 == 0 && b2 == 113       // documentation
                || b0 >= 224);                             // multicast, reserved, broadcast
    }
}
