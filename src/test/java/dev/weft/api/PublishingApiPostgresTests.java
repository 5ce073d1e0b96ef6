package dev.weft.api;

import dev.weft.testsupport.OnPostgres;

/** {@link PublishingApiTests} on a real PostgreSQL. */
@OnPostgres
class PublishingApiPostgresTests extends PublishingApiTests {}
