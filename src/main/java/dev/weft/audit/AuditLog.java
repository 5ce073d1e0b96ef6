package dev.weft.audit;

import java.util.List;

/**
 * A site's audit log. {@link #record} joins the caller's transaction, so an event is stored exactly when what it
 * records commits. Reading is for the site's owners and admins only.
 */
public interface AuditLog {

    /** Who did something and from where: a user (id) from an address, or someone who is not a user. */
    record Actor(String userId, String label, String clientAddress) {
        public static Actor user(String userId, String clientAddress) {
            return new Actor(userId, null, clientAddress);
        }

        public static Actor reporter(String clientAddress) {
            return new Actor(null, "leak report", clientAddress);
        }

        public static Actor weft() {
            return new Actor(null, "Weft", null);
        }
    }

    void record(String siteId, AuditAction action, Actor actor, String subjectId, String subjectLabel, String detail);

    /** One page of a site's events, newest first; for the site's owners and admins (else ForbiddenException). */
    Page page(String actorUserId, String siteId, int page);

    record Page(List<AuditEvent> events, int page, int pageSize, long total) {
        public boolean hasNext() {
            return (long) (page + 1) * pageSize < total;
        }

        public boolean hasPrevious() {
            return page > 0;
        }
    }
}
