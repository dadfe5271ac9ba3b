package dev.debrief.session.live;

import dev.debrief.kit.security.Roles;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.annotation.security.RolesAllowed;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live feed of one session: every timeline entry as {@code {seq, type, at, actor, data}}, in seq
 * order. Connect with {@code ?after=<last seq seen>} to get what was missed first; send
 * {@code {"after": n}} at any time to be sent everything after n again. Who may connect is decided at
 * the upgrade by {@link LiveUpgradeCheck} (the REST visibility rules).
 */
@WebSocket(path = "/api/sessions/{id}/live")
@RolesAllowed({ Roles.CANDIDATE, Roles.COACH, Roles.FIRM_ADMIN })
public class LiveEndpoint {

    private static final Pattern AFTER_PARAM = Pattern.compile("(?:^|&)after=(\\d{1,18})(?:&|$)");
    private static final Pattern AFTER_MESSAGE = Pattern.compile("\"after\"\\s*:\\s*(\\d{1,18})");

    private final LiveHub hub;

    public LiveEndpoint(LiveHub hub) {
        this.hub = hub;
    }

    @OnOpen
    public void open(WebSocketConnection connection) {
        String query = connection.handshakeRequest().query();
        hub.subscribe(sessionOf(connection), connection, after(query == null ? null : AFTER_PARAM.matcher(query)));
    }

    @OnTextMessage
    public void message(String message, WebSocketConnection connection) {
        Matcher matcher = AFTER_MESSAGE.matcher(message);
        if (matcher.find()) {
            hub.resync(sessionOf(connection), connection, Long.parseLong(matcher.group(1)));
        }
    }

    @OnClose
    public void close(WebSocketConnection connection) {
        hub.unsubscribe(sessionOf(connection), connection);
    }

    private static UUID sessionOf(WebSocketConnection connection) {
        return UUID.fromString(connection.pathParam("id"));
    }

    private static long after(Matcher matcher) {
        return matcher != null && matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }
}
