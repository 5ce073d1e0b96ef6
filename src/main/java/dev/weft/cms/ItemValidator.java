package dev.weft.cms;

import dev.weft.cms.CmsException.Problem;
import dev.weft.system.Ids;
import dev.weft.system.WebflowDates;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Checks an item's field data against its collection's schema and returns the values to store: unknown fields,
 * required fields, each type's rules, unique slugs (a missing slug is made from the name). Every problem is
 * reported, one per field, named by the field's slug.
 */
@Component
class ItemValidator {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ().\\-]{3,24}[0-9]$");
    private static final Pattern COLOR = Pattern.compile("^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$");
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9_]+(?:-[a-z0-9_]+)*$");
    private static final int MAX_TEXT = 100_000;

    private final CmsRepository repository;

    ItemValidator(CmsRepository repository) {
        this.repository = repository;
    }

    /**
     * The field data to store.
     *
     * @param incoming the sent values by field slug
     * @param base the values kept where {@code incoming} has none (a partial update), or empty
     * @param itemId the item being changed (its own slug is not a clash), or null for a new item
     */
    Map<String, Object> check(CmsCollection collection, Map<String, Object> incoming, Map<String, Object> base,
            String itemId) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Object> result = new LinkedHashMap<>(base);
        for (Map.Entry<String, Object> entry : incoming.entrySet()) {
            var field = collection.field(entry.getKey());
            if (field.isEmpty()) {
                problems.add(new Problem(entry.getKey(), "Field not described in schema: " + entry.getKey()));
                continue;
            }
            try {
                Object value = normalize(collection, field.get(), entry.getValue());
                if (value == null) {
                    result.remove(entry.getKey());
                } else {
                    result.put(entry.getKey(), value);
                }
            } catch (Invalid e) {
                problems.add(new Problem(entry.getKey(), e.getMessage()));
            }
        }
        if (!result.containsKey("slug") && result.get("name") instanceof String name && !incoming.containsKey("slug")) {
            result.put("slug", freeSlug(collection.id(), slugOf(name), itemId));
        }
        for (CmsField field : collection.fields()) {
            boolean reported = problems.stream().anyMatch(p -> p.param().equals(field.slug()));
            if (field.required() && !reported && isEmpty(result.get(field.slug()))) {
                problems.add(new Problem(field.slug(), "Field is required: " + field.slug()));
            }
        }
        if (result.get("slug") instanceof String slug && incoming.containsKey("slug")
                && problems.stream().noneMatch(p -> p.param().equals("slug"))
                && repository.slugTaken(collection.id(), slug, itemId)) {
            problems.add(new Problem("slug", "Unique value is already in database: '" + slug + "'"));
        }
        if (!problems.isEmpty()) {
            throw CmsException.invalid(problems);
        }
        return result;
    }

    /** The slug Webflow would make of a name: lowercase ASCII words joined by hyphens. */
    static String slugOf(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 200) {
            slug = slug.substring(0, 200).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "item" : slug;
    }

    private String freeSlug(String collectionId, String base, String itemId) {
        String slug = base;
        for (int n = 2; repository.slugTaken(collectionId, slug, itemId); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    private static boolean isEmpty(Object value) {
        return value == null || (value instanceof String s && s.isBlank()) || (value instanceof List<?> l && l.isEmpty());
    }

    private Object normalize(CmsCollection collection, CmsField field, Object value) {
        if (value == null) {
            return null;
        }
        Map<String, Object> v = field.validations();
        return switch (field.type()) {
            case PLAIN_TEXT -> plainText(field, text(value));
            case RICH_TEXT -> limited(text(value));
            case IMAGE, FILE -> asset(value);
            case MULTI_IMAGE -> {
                List<Object> images = new ArrayList<>();
                for (Object each : list(value, "an array of images")) {
                    images.add(asset(each));
                }
                yield images;
            }
            case NUMBER -> number(value, v);
            case SWITCH -> {
                if (!(value instanceof Boolean b)) {
                    throw new Invalid("Must be a boolean (true or false)");
                }
                yield b;
            }
            case DATE_TIME -> date(text(value));
            case LINK, VIDEO_LINK -> url(text(value));
            case EMAIL -> matching(text(value), EMAIL, "Must be a valid email address");
            case PHONE -> matching(text(value), PHONE, "Must be a valid phone number");
            case COLOR -> matching(text(value), COLOR, "Must be a color in hex form, e.g. #1e3a5f");
            case OPTION -> option(text(value), v);
            case REFERENCE -> {
                String id = text(value);
                references(collection, v, List.of(id));
                yield id;
            }
            case MULTI_REFERENCE -> {
                List<String> ids = new ArrayList<>();
                for (Object each : list(value, "an array of item ids")) {
                    ids.add(text(each));
                }
                references(collection, v, ids);
                yield ids;
            }
        };
    }

    private static String text(Object value) {
        if (!(value instanceof String s)) {
            throw new Invalid("Must be a string");
        }
        return s;
    }

    private static String limited(String s) {
        if (s.length() > MAX_TEXT) {
            throw new Invalid("Must be at most " + MAX_TEXT + " characters long");
        }
        return s;
    }

    private static List<?> list(Object value, String what) {
        if (!(value instanceof List<?> l)) {
            throw new Invalid("Must be " + what);
        }
        return l;
    }

    private static String plainText(CmsField field, String s) {
        limited(s);
        Map<String, Object> v = field.validations();
        if (field.slug().equals("slug")) {
            if (!SLUG.matcher(s).matches() || s.length() > 256) {
                throw new Invalid("Must be a valid slug: lowercase letters, digits, hyphens and underscores, at most 256");
            }
            return s;
        }
        if (v.get("maxLength") instanceof Number max && s.length() > max.intValue()) {
            throw new Invalid("Must be at most " + max.intValue() + " characters long");
        }
        if (v.get("minLength") instanceof Number min && s.length() < min.intValue()) {
            throw new Invalid("Must be at least " + min.intValue() + " characters long");
        }
        if (Boolean.TRUE.equals(v.get("singleLine")) && (s.contains("\n") || s.contains("\r"))) {
            throw new Invalid("Must be a single line");
        }
        return s;
    }

    private static Map<String, Object> asset(Object value) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (value instanceof String url) {
            out.put("url", assetUrl(url));
            return out;
        }
        if (value instanceof Map<?, ?> m && m.get("url") instanceof String url) {
            out.put("fileId", m.get("fileId") instanceof String id ? id : null);
            out.put("url", assetUrl(url));
            out.put("alt", m.get("alt") instanceof String alt ? alt : null);
            return out;
        }
        throw new Invalid("Must be a URL or an object with a url");
    }

    /** An asset's URL: absolute http(s), or a path on the site's own asset host ({@code /files/…}, as Webflow's examples). */
    private static String assetUrl(String s) {
        if (s.startsWith("/") && !s.startsWith("//") && s.length() <= 2048 && !s.contains(" ")) {
            return s;
        }
        return url(s);
    }

    private static Number number(Object value, Map<String, Object> v) {
        if (!(value instanceof Number n) || value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            throw new Invalid("Must be a number");
        }
        BigDecimal d = new BigDecimal(n.toString());
        Object min = v.containsKey("minValue") ? v.get("minValue") : v.get("min");
        Object max = v.containsKey("maxValue") ? v.get("maxValue") : v.get("max");
        if (min instanceof Number lo && d.compareTo(new BigDecimal(lo.toString())) < 0) {
            throw new Invalid("Must be at least " + lo);
        }
        if (max instanceof Number hi && d.compareTo(new BigDecimal(hi.toString())) > 0) {
            throw new Invalid("Must be at most " + hi);
        }
        if (Boolean.FALSE.equals(v.get("allowNegative")) && d.signum() < 0) {
            throw new Invalid("Must not be negative");
        }
        if ("integer".equals(v.get("format")) && d.stripTrailingZeros().scale() > 0) {
            throw new Invalid("Must be a whole number");
        }
        Object places = v.containsKey("precision") ? v.get("precision") : v.get("decimalPlaces");
        if (places instanceof Number p && d.stripTrailingZeros().scale() > p.intValue()) {
            throw new Invalid("Must have at most " + p.intValue() + " decimal places");
        }
        return n;
    }

    private static String date(String s) {
        try {
            return WebflowDates.format(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeException ignored) {
            // try the other ISO-8601 forms
        }
        try {
            return WebflowDates.format(Instant.parse(s));
        } catch (DateTimeException ignored) {
            // a date without time
        }
        try {
            return WebflowDates.format(LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            throw new Invalid("Must be an ISO-8601 date, e.g. 2024-04-22T16:00:31.000Z");
        }
    }

    private static String url(String s) {
        try {
            URI uri = new URI(s);
            if (uri.getScheme() != null && (uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
                    && uri.getHost() != null && s.length() <= 2048) {
                return s;
            }
        } catch (URISyntaxException ignored) {
            // reported below
        }
        throw new Invalid("Must be a valid URL (http or https)");
    }

    private static String matching(String s, Pattern pattern, String message) {
        if (s.length() > 256 || !pattern.matcher(s).matches()) {
            throw new Invalid(message);
        }
        return s;
    }

    private static String option(String id, Map<String, Object> v) {
        if (v.get("options") instanceof List<?> options) {
            for (Object o : options) {
                if (o instanceof Map<?, ?> m && id.equals(m.get("id"))) {
                    return id;
                }
            }
        }
        throw new Invalid("Not a valid option id: '" + id + "'");
    }

    private void references(CmsCollection collection, Map<String, Object> v, List<String> ids) {
        String target = v.get("collectionId") instanceof String c ? c : null;
        List<String> wellFormed = ids.stream().filter(Ids::isObjectId).distinct().toList();
        // the referenced collection must be of the same site: a collection id of another site references nothing
        boolean sameSite = target != null
                && repository.collection(target).map(c -> c.siteId().equals(collection.siteId())).orElse(false);
        List<String> found = sameSite ? repository.existingItemIds(target, wellFormed) : List.of();
        List<String> missing = ids.stream().filter(id -> !found.contains(id)).toList();
        if (!missing.isEmpty()) {
            throw new Invalid("Referenced item not found: " + String.join(", ", missing));
        }
    }

    /** One field's problem. */
    private static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }
}
