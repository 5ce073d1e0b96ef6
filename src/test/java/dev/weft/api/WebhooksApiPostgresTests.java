package dev.weft.api;

import dev.weft.testsupport.OnPostgres;

/** {@link WebhooksApiTests} on a real PostgreSQL. */
@OnPostgres
class WebhooksApiPostgresTests extends WebhooksApiTests {}
