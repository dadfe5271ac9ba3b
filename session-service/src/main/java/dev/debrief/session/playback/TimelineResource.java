package dev.debrief.session.playback;

import dev.debrief.kit.security.Roles;
import dev.debrief.session.lifecycle.InterviewSession;
import dev.debrief.session.lifecycle.SessionAccess;
import dev.debrief.session.timeline.Timeline;
import dev.debrief.session.timeline.TimelineEntryView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.UUID;

/** Playback (every entry with time, actor and seq) and the transcript export (JSON or Markdown). */
@Path("/api/sessions/{id}")
@RolesAllowed({ Roles.CANDIDATE, Roles.COACH, Roles.FIRM_ADMIN })
public class TimelineResource {

    public static final String MARKDOWN = "text/markdown";

    private final SessionAccess access;
    private final Timeline timeline;
    private final Transcripts transcripts;

    public TimelineResource(SessionAccess access, Timeline timeline, Transcripts transcripts) {
        this.access = access;
        this.timeline = timeline;
        this.transcripts = transcripts;
    }

    @GET
    @Path("/timeline")
    @Transactional
    public List<TimelineEntryView> timeline(@PathParam("id") UUID id,
            @QueryParam("after") @DefaultValue("0") @Min(0) long after,
            @QueryParam("limit") @DefaultValue("500") @Min(1) @Max(1000) int limit) {
        InterviewSession session = access.visible(id);
        return timeline.read(session.id, after, limit).stream().map(TimelineEntryView::of).toList();
    }

    @GET
    @Path("/transcript")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public Transcripts.Transcript transcriptJson(@PathParam("id") UUID id) {
        return transcripts.of(access.visible(id));
    }

    @GET
    @Path("/transcript")
    @Produces(MARKDOWN)
    @Transactional
    public String transcriptMarkdown(@PathParam("id") UUID id) {
        return transcripts.markdown(transcripts.of(access.visible(id)));
    }
}
