package dev.weft.api;

/** {@link SitesApiTests} on the embedded H2 file database. */
class SitesApiH2Tests extends SitesApiTests {}
