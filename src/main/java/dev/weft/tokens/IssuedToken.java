package dev.weft.tokens;

/**
 * A token just issued: the only moment its value exists outside the caller's hands.
 *
 * @param replacedTokenId the id of the token this one replaced (now invalid), or null
 */
public record IssuedToken(String token, SiteToken details, String replacedTokenId) {
    @Override
    public String toString() {
        return "IssuedToken[token=<redacted>, details=" + details + ", replacedTokenId=" + replacedTokenId + "]";
    }
}
