package dev.debrief.session.webhooks;

import java.net.InetAddress;

/**
 * Where a delivery goes, checked: the host as written (for the Host header, SNI and the certificate check)
 * and the one address the check accepted, which is the address connected to, so a DNS answer that changes
 * between the check and the connection (rebinding) cannot redirect the request.
 */
public record Destination(String host, int port, boolean tls, String pathAndQuery, InetAddress address) {
}
