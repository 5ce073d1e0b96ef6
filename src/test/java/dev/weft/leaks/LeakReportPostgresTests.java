package dev.weft.leaks;

import dev.weft.testsupport.OnPostgres;

/** {@link LeakReportTests} on a real PostgreSQL. */
@OnPostgres
class LeakReportPostgresTests extends LeakReportTests {}
