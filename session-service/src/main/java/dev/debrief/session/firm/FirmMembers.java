package dev.debrief.session.firm;

import dev.debrief.kit.problem.ProblemException;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * The directory's answer per firm and role, cached for a short while (quarkus.cache.caffeine."firm-members"):
 * a session is created in one lookup, and a member removed from the firm is refused within the TTL.
 */
@ApplicationScoped
public class FirmMembers {

    private static final Logger LOG = Logger.getLogger(FirmMembers.class);

    private final FirmDirectory directory;

    public FirmMembers(FirmDirectory directory) {
        this.directory = directory;
    }

    @CacheResult(cacheName = "firm-members")
    public List<FirmMember> of(String firm, String role) {
        try {
            return List.copyOf(directory.members(firm, role));
        } catch (RuntimeException e) {
            LOG.warnf("The firm directory failed for %s/%s: %s", firm, role, e.toString());
            throw ProblemException.unavailable("The firm's member directory is unavailable; nothing was changed, try again");
        }
    }
}
