package dev.weft.usage;

import dev.weft.testsupport.OnPostgres;

/** {@link UsageTests} on a real PostgreSQL (batched flush, later-use-wins update, V7 migration). */
@OnPostgres
class UsagePostgresTests extends UsageTests {}
