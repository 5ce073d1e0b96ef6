package dev.weft.cms;

import java.util.Arrays;
import java.util.Optional;

/** Webflow's CMS field types, by their v2 name (stored) and their v1 name (shown by API v1). */
public enum FieldType {
    PLAIN_TEXT("PlainText", "PlainText"),
    RICH_TEXT("RichText", "RichText"),
    IMAGE("Image", "ImageRef"),
    MULTI_IMAGE("MultiImage", "Set"),
    NUMBER("Number", "Number"),
    SWITCH("Switch", "Bool"),
    DATE_TIME("DateTime", "Date"),
    LINK("Link", "Link"),
    VIDEO_LINK("VideoLink", "Video"),
    EMAIL("Email", "Email"),
    PHONE("Phone", "Phone"),
    COLOR("Color", "Color"),
    OPTION("Option", "Option"),
    REFERENCE("Reference", "ItemRef"),
    MULTI_REFERENCE("MultiReference", "ItemRefSet"),
    FILE("File", "ExtFileRef");

    private final String v2Name;
    private final String v1Name;

    FieldType(String v2Name, String v1Name) {
        this.v2Name = v2Name;
        this.v1Name = v1Name;
    }

    public String v2Name() {
        return v2Name;
    }

    public String v1Name() {
        return v1Name;
    }

    /** The type of a v2 name ({@code Switch}) or a v1 name ({@code Bool}). */
    public static Optional<FieldType> of(String name) {
        return Arrays.stream(values()).filter(t -> t.v2Name.equals(name) || t.v1Name.equals(name)).findFirst();
    }
}
