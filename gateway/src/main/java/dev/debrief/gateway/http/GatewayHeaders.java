package dev.debrief.gateway.http;

/** Headers the gateway reads, sets or drops, and the routing-context keys it shares between handlers. */
public final class GatewayHeaders {

    /** The firm the token belongs to; only the gateway sets it. */
    public static final String TENANT = "X-Debrief-Tenant";
    /** The OAuth client ({@code azp}) that called. */
    public static final String CLIENT = "X-Debrief-Client";
    /** Every header with this prefix is the gateway's to set: a client's are dropped. */
    public static final String RESERVED_PREFIX = "x-debrief-";
    public static final String REQUEST_ID = "X-Request-Id";
    public static final String TRACEPARENT = "traceparent";

    public static final String KEY_REQUEST_ID = "debrief.request-id";
    public static final String KEY_FACTS = "debrief.token-facts";

    private GatewayHeaders() {
    }
}
