package dev.weft.tokens;

import dev.weft.testsupport.OnPostgres;

/** {@link TokenExpiryTests} on a real PostgreSQL (a database of their own). */
@OnPostgres
class TokenExpiryPostgresTests extends TokenExpiryTests {}
