package dev.weft.audit;

import java.time.Instant;

/**
 * One entry of a site's audit log (issue 5): what happened to a credential of the site, who did it, when and
 * from where. Kept when the credential is gone. Holds no secret: tokens appear by name and hint only.
 *
 * @param actorUserId the user who acted; null when it was not a user (a leak reporter, Weft itself)
 * @param actorLabel how to show the actor when there is no user: {@code "leak report"}, {@code "Weft"}
 * @param clientAddress the address the action came from; null for Weft's own actions (expiry)
 * @param subjectId the token id or the app authorization id the event is about
 * @param subjectLabel how to show it: a token's name and hint, an app's name
 * @param detail free text: the rotation's overlap, the reporter's note, the scopes, …
 */
public record AuditEvent(
        String id,
        String siteId,
        Instant at,
        AuditAction action,
        String actorUserId,
        String actorLabel,
        String clientAddress,
        String subjectId,
        String subjectLabel,
        String detail) {}
