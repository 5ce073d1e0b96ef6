package dev.weft.api;

import dev.weft.testsupport.OnPostgres;

/** {@link CmsV2ApiTests} on a real PostgreSQL. */
@OnPostgres
class CmsV2ApiPostgresTests extends CmsV2ApiTests {}
