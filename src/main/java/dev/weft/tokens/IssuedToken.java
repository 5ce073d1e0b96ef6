package dev.weft.tokens;

/** A token just issued: the only moment its value exists outside the caller's hands. */
public record IssuedToken(String token, SiteToken details) {
    @Override
    public String toString() {
        return "IssuedToken[token=<redacted>, details=" + details + "]";
    }
}
