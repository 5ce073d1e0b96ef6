package dev.weft.api;

/** {@link WebhooksApiTests} on the embedded H2 file database. */
class WebhooksApiH2Tests extends WebhooksApiTests {}
