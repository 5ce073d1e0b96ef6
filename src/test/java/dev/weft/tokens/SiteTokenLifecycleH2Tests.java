package dev.weft.tokens;

/** {@link SiteTokenLifecycleTests} on the embedded H2 file database. */
class SiteTokenLifecycleH2Tests extends SiteTokenLifecycleTests {}
