package dev.weft.api;

import dev.weft.cms.CmsCollection;
import dev.weft.cms.CmsException;
import dev.weft.cms.CmsItems.ItemInput;
import dev.weft.cms.CmsService;
import dev.weft.cms.ItemQuery;
import dev.weft.tokens.VerifiedToken;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the CMS handlers share: the collection a token reaches (else the same 404 as a missing id), and reading
 * bodies and query parameters into the CMS's inputs, refusing bad ones with the version's validation error.
 */
@Component
class CmsApi {

    /** The largest body a CMS write accepts (Webflow's item payloads are far smaller). */
    static final int MAX_BODY_BYTES = 1 << 20;

    private final CmsService cms;
    private final ApiSites sites;
    private final JsonMapper json;

    CmsApi(CmsService cms, ApiSites sites, JsonMapper json) {
        this.cms = cms;
        this.sites = sites;
        this.json = json;
    }

    /**
     * The request's JSON object body, or null when there is none. Read here rather than by Spring's converters so
     * that any Content-Type (Webflow's clients all send JSON; a wildcard or broken one would make Spring fail before
     * the handler) gives the version's 400 for a body that is not a JSON object.
     */
    Map<String, Object> body(HttpServletRequest request) {
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException | RuntimeException e) {
            throw ApiException.badRequest("The request body could not be read");
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw ApiException.badRequest("The request body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        try {
            return json.readValue(bytes, OBJECT);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("The request body is not a JSON object: check its syntax");
        }
    }

    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {};

    /** The collection, if it exists and the token reaches its site; else 404. */
    CmsCollection collection(VerifiedToken token, String collectionId) {
        return cms.collection(collectionId)
                .filter(c -> sites.reaches(token, c.siteId()))
                .orElseThrow(() -> ApiException.notFound("Collection not found"));
    }

    /** {@code offset} (default 0) and {@code limit} (default and at most 100). */
    static int[] page(String offset, String limit) {
        List<ApiException.Detail> problems = new ArrayList<>();
        int o = integer(offset, 0, 0, Integer.MAX_VALUE, "offset", problems);
        int l = integer(limit, ItemQuery.MAX_LIMIT, 1, ItemQuery.MAX_LIMIT, "limit", problems);
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        return new int[] {o, l};
    }

    private static int integer(String value, int fallback, int min, int max, String name, List<ApiException.Detail> problems) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problems.add(new ApiException.Detail(name, "Must be an integer from " + min + " to " + max + ": '" + value + "'"));
        return fallback;
    }

    /** The v2 list filters and sort of {@code GET /collections/{collection_id}/items}. */
    static ItemQuery v2Query(HttpServletRequest request) {
        int[] page = page(request.getParameter("offset"), request.getParameter("limit"));
        List<ApiException.Detail> problems = new ArrayList<>();
        String sortBy = blankToNull(request.getParameter("sortBy"));
        if (sortBy != null && !List.of("createdOn", "lastPublished", "lastUpdated", "name", "slug").contains(sortBy)) {
            problems.add(new ApiException.Detail("sortBy",
                    "Must be one of createdOn, lastPublished, lastUpdated, name, slug: '" + sortBy + "'"));
        }
        String sortOrder = blankToNull(request.getParameter("sortOrder"));
        if (sortOrder != null && !sortOrder.equals("asc") && !sortOrder.equals("desc")) {
            problems.add(new ApiException.Detail("sortOrder", "Must be asc or desc: '" + sortOrder + "'"));
        }
        var created = range(request, "createdOn", problems);
        var updated = range(request, "lastUpdated", problems);
        var published = range(request, "lastPublished", problems);
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        return new ItemQuery(page[0], page[1], blankToNull(request.getParameter("name")),
                blankToNull(request.getParameter("slug")), created, updated, published, sortBy, "desc".equals(sortOrder));
    }

    private static ItemQuery.Range range(HttpServletRequest request, String name, List<ApiException.Detail> problems) {
        Instant gte = instant(request, name + "[gte]", problems);
        Instant lte = instant(request, name + "[lte]", problems);
        return gte == null && lte == null ? null : new ItemQuery.Range(gte, lte);
    }

    private static Instant instant(HttpServletRequest request, String name, List<ApiException.Detail> problems) {
        String value = blankToNull(request.getParameter(name));
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            problems.add(new ApiException.Detail(name, "Must be an ISO-8601 date-time: '" + value + "'"));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** The v1 body {@code {fields: {…}}}; {@code _draft} and {@code _archived} among the fields are the flags. */
    @SuppressWarnings("unchecked")
    static ItemInput v1Input(Map<String, Object> body) {
        if (body == null || !(body.get("fields") instanceof Map<?, ?> raw)) {
            throw ApiException.validation(List.of(new ApiException.Detail("fields", "Must be an object of field values")));
        }
        Map<String, Object> fields = new LinkedHashMap<>((Map<String, Object>) raw);
        Boolean draft = flag(fields.remove("_draft"), "_draft");
        Boolean archived = flag(fields.remove("_archived"), "_archived");
        return new ItemInput(fields, draft, archived);
    }

    /** The v2 body {@code {fieldData, isDraft, isArchived, cmsLocaleId}}. */
    @SuppressWarnings("unchecked")
    static ItemInput v2Input(Map<String, Object> body, boolean fieldDataRequired) {
        if (body == null) {
            throw ApiException.validation(List.of(new ApiException.Detail("fieldData", "Field is required: fieldData")));
        }
        Object data = body.get("fieldData");
        if ((data == null && fieldDataRequired) || (data != null && !(data instanceof Map))) {
            throw ApiException.validation(List.of(new ApiException.Detail("fieldData", "Must be an object of field values")));
        }
        return new ItemInput((Map<String, Object>) data, flag(body.get("isDraft"), "isDraft"),
                flag(body.get("isArchived"), "isArchived"));
    }

    private static Boolean flag(Object value, String name) {
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        throw ApiException.validation(List.of(new ApiException.Detail(name, "Must be a boolean (true or false)")));
    }

    /** {@code {itemIds: [ids]}} of the bulk calls, or v2's {@code {items: [{id, cmsLocaleIds}]}}. */
    static List<String> itemIds(Map<String, Object> body) {
        if (body != null && !body.containsKey("itemIds") && body.get("items") instanceof List<?> list
                && list.stream().allMatch(i -> i instanceof Map<?, ?> m && m.get("id") instanceof String)) {
            body = Map.of("itemIds", list.stream().map(i -> ((Map<?, ?>) i).get("id")).toList());
        }
        if (body == null || !(body.get("itemIds") instanceof List<?> ids) || ids.isEmpty() || ids.size() > 100
                || !ids.stream().allMatch(String.class::isInstance)) {
            throw ApiException.validation(List.of(new ApiException.Detail("itemIds",
                    "Must be an array of 1 to 100 item ids")));
        }
        return ids.stream().map(String.class::cast).toList();
    }

    /** A CMS refusal as the API's one error type. */
    static ApiException toApi(CmsException e) {
        return switch (e.kind()) {
            case COLLECTION_NOT_FOUND -> ApiException.notFound("Collection not found");
            case ITEM_NOT_FOUND -> ApiException.notFound("Item not found");
            case CONFLICT -> ApiException.conflict(e.getMessage());
            case VALIDATION -> ApiException.validation(e.problems().stream()
                    .map(p -> new ApiException.Detail(p.param(), p.description())).toList());
        };
    }
}
