package dev.weft.tokens;

import dev.weft.testsupport.OnPostgres;

/** {@link SiteTokenLifecycleTests} on a real PostgreSQL. */
@OnPostgres
class SiteTokenLifecyclePostgresTests extends SiteTokenLifecycleTests {}
