package dev.weft.tokens;

/** {@link TokenStorageTests} on the embedded H2 file database. */
class TokenStorageH2Tests extends TokenStorageTests {}
