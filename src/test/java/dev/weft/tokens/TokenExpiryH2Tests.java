package dev.weft.tokens;

import org.springframework.test.context.TestPropertySource;

/** {@link TokenExpiryTests} on an H2 database of their own (in memory), so the sweep sees only their tokens. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:weft-token-expiry;DB_CLOSE_DELAY=-1")
class TokenExpiryH2Tests extends TokenExpiryTests {}
