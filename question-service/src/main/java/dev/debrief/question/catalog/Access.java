package dev.debrief.question.catalog;

import dev.debrief.kit.problem.ProblemException;
import dev.debrief.kit.security.Caller;
import dev.debrief.kit.security.Roles;
import dev.debrief.question.catalog.domain.Question;
import dev.debrief.question.catalog.domain.QuestionStatus;
import dev.debrief.question.index.QuestionFilter;
import jakarta.enterprise.context.RequestScoped;

import java.util.UUID;

/**
 * Who may read and write what. Admins own the public catalog; a firm's coaches and firm admins own its
 * private bank. Everyone reads published questions of the public catalog and of their own firm; drafts
 * only where they may edit. Another firm's question does not exist for the caller (404).
 */
@RequestScoped
public class Access {

    private final Caller caller;

    public Access(Caller caller) {
        this.caller = caller;
    }

    public String tenant() {
        return caller.tenant().orElse(null);
    }

    public String who() {
        return caller.id();
    }

    public QuestionFilter.Visibility visibility() {
        return new QuestionFilter.Visibility(tenant(), caller.isAdmin(), editsFirm());
    }

    /** The bank a write goes to: the public catalog for admins, the caller's firm for its coaches. */
    public String writeTenant() {
        if (caller.isAdmin()) {
            return null;
        }
        if (editsFirm() && tenant() != null) {
            return tenant();
        }
        throw ProblemException.forbidden("only a firm's coaches and admins write its bank");
    }

    public boolean mayEdit(String ownerTenant) {
        return ownerTenant == null ? caller.isAdmin() : editsFirm() && ownerTenant.equals(tenant());
    }

    /**
     * The firm whose bank a snapshot reads. session-service's own identity (role snapshot-reader, no firm of
     * its own) names the firm the session is scheduled in; everyone else reads as themselves, whatever they name.
     */
    public String snapshotTenant(String firm) {
        return caller.is(Roles.SNAPSHOT_READER) ? firm : tenant();
    }

    /** Reference queries, pitfalls and exemplars stay with coaches and authors (and session-service's snapshots). */
    public boolean seesAnswerKeys() {
        return caller.seesAnswerKeys();
    }

    /** The question if the caller may read it; 404 for another firm's and for drafts they may not edit. */
    public Question readable(UUID id) {
        return readableIn(id, tenant());
    }

    /** The same, reading the given firm's bank (see {@link #snapshotTenant}). */
    public Question readableIn(UUID id, String tenant) {
        return Question.visible(id, tenant)
                .filter(q -> q.status != QuestionStatus.DRAFT || mayEdit(q.tenant))
                .orElseThrow(() -> ProblemException.notFound("question", id));
    }

    public Question readableBySlug(String slug) {
        return Question.visibleBySlug(slug, tenant())
                .filter(q -> q.status != QuestionStatus.DRAFT || mayEdit(q.tenant))
                .orElseThrow(() -> ProblemException.notFound("question", slug));
    }

    /** The question if the caller may change it: 404 if they cannot see it, 403 if they only read it. */
    public Question editable(UUID id) {
        Question q = readable(id);
        if (!mayEdit(q.tenant)) {
            throw ProblemException.forbidden("you may read but not change question " + id);
        }
        return q;
    }

    private boolean editsFirm() {
        return caller.is(Roles.COACH) || caller.is(Roles.FIRM_ADMIN);
    }
}
