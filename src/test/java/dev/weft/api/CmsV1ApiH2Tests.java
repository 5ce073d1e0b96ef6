package dev.weft.api;

/** {@link CmsV1ApiTests} on the embedded H2 file database. */
class CmsV1ApiH2Tests extends CmsV1ApiTests {}
