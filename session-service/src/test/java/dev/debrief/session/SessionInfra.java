package dev.debrief.session;

import dev.debrief.testsupport.RealInfra;

import java.util.ArrayList;
import java.util.List;

/** RealInfra plus a stand-in for question-service: one profile, one app start for every test class. */
public class SessionInfra extends RealInfra {

    @Override
    public List<TestResourceEntry> testResources() {
        List<TestResourceEntry> resources = new ArrayList<>(super.testResources());
        resources.add(new TestResourceEntry(CatalogStub.class));
        return resources;
    }
}
