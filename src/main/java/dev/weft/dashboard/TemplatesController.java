package dev.weft.dashboard;

import dev.weft.sites.Templates;
import dev.weft.system.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The template gallery and a template's page with its Use for Free button. */
@Controller
class TemplatesController {

    private final Templates templates;

    TemplatesController(Templates templates) {
        this.templates = templates;
    }

    @GetMapping("/templates")
    String gallery(Model model) {
        model.addAttribute("templates", templates.all());
        return "templates";
    }

    @GetMapping("/templates/{slug}")
    String template(@PathVariable String slug, Model model) {
        model.addAttribute("template", templates.find(slug).orElseThrow(() -> new NotFoundException("No such template.")));
        return "template";
    }
}
