package dev.weft.api;

import dev.weft.testsupport.OnPostgres;

/** {@link AppTokenApiTests} on a real PostgreSQL. */
@OnPostgres
class AppTokenApiPostgresTests extends AppTokenApiTests {}
