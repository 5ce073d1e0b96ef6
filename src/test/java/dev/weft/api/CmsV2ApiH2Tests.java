package dev.weft.api;

/** {@link CmsV2ApiTests} on the embedded H2 file database. */
class CmsV2ApiH2Tests extends CmsV2ApiTests {}
