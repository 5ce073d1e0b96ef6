package dev.weft.tokens;

import dev.weft.testsupport.OnPostgres;

/** {@link TokenStorageTests} on a real PostgreSQL. */
@OnPostgres
class TokenStoragePostgresTests extends TokenStorageTests {}
