package dev.weft.leaks;

/** {@link LeakReportTests} on the embedded H2 file database. */
class LeakReportH2Tests extends LeakReportTests {}
