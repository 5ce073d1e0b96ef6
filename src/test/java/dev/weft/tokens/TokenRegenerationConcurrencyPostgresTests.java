package dev.weft.tokens;

import dev.weft.testsupport.OnPostgres;

/** {@link TokenRegenerationConcurrencyTests} on a real PostgreSQL. */
@OnPostgres
class TokenRegenerationConcurrencyPostgresTests extends TokenRegenerationConcurrencyTests {}
