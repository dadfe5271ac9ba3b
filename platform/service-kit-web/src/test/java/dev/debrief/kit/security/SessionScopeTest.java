package dev.debrief.kit.security;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionScopeTest {

    private static final SessionScope COACHED = new SessionScope("northwind", "cara", "colin", Set.of("pia"));

    private static SessionScope.Who who(String id, String firm, String... roles) {
        return new SessionScope.Who(id, Optional.ofNullable(firm), Set.of(roles));
    }

    @Test
    void shouldLetTheCoachAndThePanelScoreButNotAnotherCoachOfTheFirm() {
        assertTrue(COACHED.scores(who("colin", "northwind", Roles.COACH)));
        assertTrue(COACHED.scores(who("pia", "northwind", Roles.COACH)));
        assertFalse(COACHED.sees(who("otto", "northwind", Roles.COACH)));
        assertFalse(COACHED.scores(who("otto", "northwind", Roles.COACH)));
    }

    @Test
    void shouldGiveTheFirmAdminCoachScopeButNotAScorecard() {
        SessionScope.Who admin = who("fiona", "northwind", Roles.FIRM_ADMIN);
        assertTrue(COACHED.sees(admin));
        assertTrue(COACHED.inCoachScope(admin));
        assertTrue(COACHED.readsScorecards(admin));
        assertFalse(COACHED.scores(admin));
        assertFalse(COACHED.inCoachScope(who("pia", "northwind", Roles.COACH)));
    }

    @Test
    void shouldIgnoreTheSameUserIdInAnotherFirm() {
        assertFalse(COACHED.sees(who("colin", "summit", Roles.COACH)));
        assertFalse(COACHED.sees(who("pia", "summit", Roles.COACH)));
        assertFalse(COACHED.sees(who("fiona", "summit", Roles.FIRM_ADMIN)));
        assertFalse(COACHED.sees(who("colin", null, Roles.COACH)));
    }

    @Test
    void shouldShowTheCandidateTheirOwnSessionOnlyAndNeverItsScorecards() {
        assertTrue(COACHED.sees(who("cara", "northwind", Roles.CANDIDATE)));
        assertFalse(COACHED.readsScorecards(who("cara", "northwind", Roles.CANDIDATE)));
        assertFalse(COACHED.sees(who("carl", "northwind", Roles.CANDIDATE)));
    }

    @Test
    void shouldKeepEveryCoachOutOfASelfPracticeSession() {
        SessionScope self = new SessionScope("northwind", "cara", null, Set.of());
        assertFalse(self.sees(who("colin", "northwind", Roles.COACH)));
        assertTrue(self.sees(who("fiona", "northwind", Roles.FIRM_ADMIN)));
        SessionScope noFirm = new SessionScope(null, "cara", null, Set.of("colin"));
        assertFalse(noFirm.sees(who("colin", null, Roles.COACH)));
        assertFalse(noFirm.sees(who("fiona", null, Roles.FIRM_ADMIN)));
    }
}
