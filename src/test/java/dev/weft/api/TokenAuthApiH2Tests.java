package dev.weft.api;

/** {@link TokenAuthApiTests} on the embedded H2 file database. */
class TokenAuthApiH2Tests extends TokenAuthApiTests {}
