package dev.weft.dashboard;

/** {@link AuditLogTests} on the embedded H2 file database. */
class AuditLogH2Tests extends AuditLogTests {}
