package dev.weft.sites;

import java.util.List;

/**
 * A site template in the gallery.
 *
 * @param slug the template's id in URLs ({@code grit})
 * @param accent the colour of its preview image
 * @param collections CMS collections a site made from it starts with
 */
public record Template(
        String slug, String name, String category, String description, String accent,
        List<TemplateCollection> collections) {

    /** A CMS collection that comes with a template, with its sample items. */
    public record TemplateCollection(
            String name, String singularName, String slug, List<TemplateField> fields, List<java.util.Map<String, Object>> items) {}

    /** A custom field of a template's collection (name and slug come with every collection). */
    public record TemplateField(String name, String slug, String type, boolean required, String helpText) {}
}
