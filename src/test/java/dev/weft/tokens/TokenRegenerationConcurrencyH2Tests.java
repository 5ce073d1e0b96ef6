package dev.weft.tokens;

/** {@link TokenRegenerationConcurrencyTests} on the embedded H2 file database. */
class TokenRegenerationConcurrencyH2Tests extends TokenRegenerationConcurrencyTests {}
