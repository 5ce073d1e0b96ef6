package dev.weft.api;

/** {@link MetaApiTests} on the embedded H2 file database. */
class MetaApiH2Tests extends MetaApiTests {}
