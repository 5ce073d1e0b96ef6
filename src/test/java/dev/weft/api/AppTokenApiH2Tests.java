package dev.weft.api;

/** {@link AppTokenApiTests} on the embedded H2 file database. */
class AppTokenApiH2Tests extends AppTokenApiTests {}
