package dev.weft.tokens;

import java.util.Optional;

/** Where app (OAuth) access tokens are found by their digest; implemented by the OAuth capability. */
public interface AppTokens {

    /** The live (not revoked) app token whose stored digest is {@code digest}. */
    Optional<VerifiedToken> findLive(String digest);
}
