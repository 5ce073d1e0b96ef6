package dev.weft.leaks;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of {@code POST /credentials/revoke}, GitHub's shape: {@code {"credentials": ["weft_site_…", …]}}, 1 to
 * {@value #MAX_CREDENTIALS} strings, and an optional {@code "note"} of up to {@value #MAX_NOTE} characters. Every
 * refusal says what is wrong with the body's shape and never repeats anything from it.
 */
record LeakReportRequest(List<String> credentials, String note) {

    static final int MAX_CREDENTIALS = 1000;
    static final int MAX_NOTE = 1000;
    /** 1000 credentials of a few hundred characters each, and a note. */
    static final int MAX_BODY_BYTES = 512 * 1024;

    private static final Set<String> FIELDS = Set.of("credentials", "note");
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** A body that is not a report: its status, error code and message (none of which depends on its content). */
    static final class Invalid extends Exception {
        private final int status;
        private final String code;

        Invalid(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }

        int status() {
            return status;
        }

        String code() {
            return code;
        }
    }

    static LeakReportRequest read(String contentType, InputStream body) throws IOException, Invalid {
        if (!isJson(contentType)) {
            throw new Invalid(415, "unsupported_media_type",
                    "Send the report as JSON with Content-Type: application/json, e.g. {\"credentials\":[\"weft_site_…\"]}");
        }
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw badRequest("The body is larger than " + MAX_BODY_BYTES + " bytes.");
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JacksonException e) { // its message quotes the body: never shown, never logged
            throw badRequest("The body is not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw badRequest("The body must be a JSON object: {\"credentials\":[\"weft_site_…\"], \"note\":\"…\"}.");
        }
        for (String name : root.propertyNames()) {
            if (!FIELDS.contains(name)) {
                throw badRequest("Only the fields \"credentials\" and \"note\" are accepted.");
            }
        }
        JsonNode list = root.get("credentials");
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > MAX_CREDENTIALS) {
            throw badRequest("\"credentials\" must be an array of 1 to " + MAX_CREDENTIALS + " strings.");
        }
        List<String> credentials = new ArrayList<>(list.size());
        for (JsonNode item : list) {
            if (!item.isString()) {
                throw badRequest("Every entry of \"credentials\" must be a string.");
            }
            credentials.add(item.stringValue());
        }
        JsonNode note = root.get("note");
        if (note != null && !note.isNull() && (!note.isString() || note.stringValue().length() > MAX_NOTE)) {
            throw badRequest("\"note\" must be a string of at most " + MAX_NOTE + " characters.");
        }
        String text = note == null || note.isNull() || note.stringValue().isBlank() ? null : note.stringValue().strip();
        return new LeakReportRequest(List.copyOf(credentials), text);
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Invalid badRequest(String message) {
        return new Invalid(400, "bad_request", message);
    }
}
