package dev.weft.dashboard;

import dev.weft.testsupport.OnPostgres;

/** {@link AuditLogTests} on a real PostgreSQL. */
@OnPostgres
class AuditLogPostgresTests extends AuditLogTests {}
