package dev.debrief.session.firm;

/** A member of a coaching firm as a client may pick them: the user id (token subject) and names. */
public record FirmMember(String id, String username, String name) {
}
