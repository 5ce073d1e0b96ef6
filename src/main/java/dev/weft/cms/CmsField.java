package dev.weft.cms;

import java.util.Map;
import java.util.Objects;

/**
 * A field of a collection. Every collection has {@code name} (required PlainText) and {@code slug}.
 *
 * @param id 32-hex, as Webflow's field ids
 * @param validations the type's settings as Webflow names them, e.g. {@code {maxLength: 256}},
 *     {@code {minValue, maxValue, precision, format}}, {@code {options: [{id, name}]}}, {@code {collectionId}};
 *     empty for none
 */
public record CmsField(String id, String slug, String name, FieldType type, boolean required, boolean editable,
        String helpText, Map<String, Object> validations) {
    public CmsField {
        Objects.requireNonNull(id, "id cannot be null");
        Objects.requireNonNull(slug, "slug cannot be null");
        Objects.requireNonNull(name, "name cannot be null");
        Objects.requireNonNull(type, "type cannot be null");
        validations = validations == null ? Map.of() : validations;
    }
}
