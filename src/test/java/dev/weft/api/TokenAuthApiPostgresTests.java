package dev.weft.api;

import dev.weft.testsupport.OnPostgres;

/** {@link TokenAuthApiTests} on a real PostgreSQL. */
@OnPostgres
class TokenAuthApiPostgresTests extends TokenAuthApiTests {}
