package dev.weft.sites;

import dev.weft.sites.Template.TemplateCollection;
import dev.weft.sites.Template.TemplateField;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The template gallery: Blank, and Grit (a fashion template with a built-in CMS collection). */
@Component
public class Templates {

    private static final List<Template> ALL = List.of(
            new Template("blank", "Blank", "Starter", "An empty canvas: one page, no CMS content.", "#6b7280", List.of()),
            new Template("grit", "Grit", "Fashion",
                    "A bold fashion website template with a built-in CMS collection of products.", "#b45309",
                    List.of(new TemplateCollection("Products", "Product", "products",
                            List.of(new TemplateField("Price", "price", "Number", false, "Price in USD"),
                                    new TemplateField("Color", "color", "Color", false, "Main colour of the piece"),
                                    new TemplateField("Description", "description", "PlainText", false, "Shown on the product page")),
                            List.of(
                                    Map.of("name", "Linen Overshirt", "slug", "linen-overshirt", "price", 89,
                                            "color", "#d6c7a1", "description", "Relaxed, breathable, made to layer."),
                                    Map.of("name", "Raw Denim Jacket", "slug", "raw-denim-jacket", "price", 149,
                                            "color", "#1e3a5f", "description", "Unwashed selvedge denim that ages with you."),
                                    Map.of("name", "Wool Trench", "slug", "wool-trench", "price", 229,
                                            "color", "#4b4b4b", "description", "A long coat for the first cold morning."),
                                    Map.of("name", "Canvas Tote", "slug", "canvas-tote", "price", 39,
                                            "color", "#f2efe6", "description", "Heavy canvas, leather handles.")))))
    );

    public List<Template> all() {
        return ALL;
    }

    public Optional<Template> find(String slug) {
        return ALL.stream().filter(t -> t.slug().equals(slug)).findFirst();
    }
}
