package dev.weft.api;

import dev.weft.testsupport.OnPostgres;

/** {@link CmsV1ApiTests} on a real PostgreSQL. */
@OnPostgres
class CmsV1ApiPostgresTests extends CmsV1ApiTests {}
