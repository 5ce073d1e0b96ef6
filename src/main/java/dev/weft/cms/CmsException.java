package dev.weft.cms;

import java.util.List;

/**
 * What the CMS refuses, for the API to render in the caller's version: a missing collection or item (404), a
 * conflict (409) or invalid input, with one problem per field.
 */
public final class CmsException extends RuntimeException {

    public enum Kind { COLLECTION_NOT_FOUND, ITEM_NOT_FOUND, CONFLICT, VALIDATION }

    /** One invalid field: {@code param} is the field's slug (or the body key), {@code description} what is wrong. */
    public record Problem(String param, String description) {}

    private final Kind kind;
    private final List<Problem> problems;

    private CmsException(Kind kind, String message, List<Problem> problems) {
        super(message, null, false, false);
        this.kind = kind;
        this.problems = List.copyOf(problems);
    }

    static CmsException collectionNotFound() {
        return new CmsException(Kind.COLLECTION_NOT_FOUND, "Collection not found", List.of());
    }

    static CmsException itemNotFound() {
        return new CmsException(Kind.ITEM_NOT_FOUND, "Item not found", List.of());
    }

    static CmsException conflict(String message) {
        return new CmsException(Kind.CONFLICT, message, List.of());
    }

    public static CmsException invalid(List<Problem> problems) {
        return new CmsException(Kind.VALIDATION, "Validation Error", problems);
    }

    public static CmsException invalid(String param, String description) {
        return invalid(List.of(new Problem(param, description)));
    }

    public Kind kind() {
        return kind;
    }

    public List<Problem> problems() {
        return problems;
    }
}
