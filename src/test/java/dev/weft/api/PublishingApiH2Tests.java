package dev.weft.api;

/** {@link PublishingApiTests} on the embedded H2 file database. */
class PublishingApiH2Tests extends PublishingApiTests {}
