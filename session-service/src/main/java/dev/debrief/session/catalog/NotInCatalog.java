package dev.debrief.session.catalog;

/** The catalog answered, and what was asked for does not exist (or is not visible to the caller). */
public class NotInCatalog extends RuntimeException {

    public NotInCatalog(String what) {
        super(what);
    }
}
