package dev.weft.api;

import dev.weft.testsupport.OnPostgres;

/** {@link SitesApiTests} on a real PostgreSQL. */
@OnPostgres
class SitesApiPostgresTests extends SitesApiTests {}
