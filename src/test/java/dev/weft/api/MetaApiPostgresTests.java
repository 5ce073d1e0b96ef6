package dev.weft.api;

import dev.weft.testsupport.OnPostgres;

/** {@link MetaApiTests} on a real PostgreSQL. */
@OnPostgres
class MetaApiPostgresTests extends MetaApiTests {}
