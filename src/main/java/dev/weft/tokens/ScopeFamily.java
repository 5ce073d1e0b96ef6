package dev.weft.tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Webflow v2 resource families a named site token can be given access to: the one list of them (issue 6
 * extends it as Weft serves more routes). Each family has a {@code <family>:read} and {@code <family>:write}
 * scope; "read and write" grants both.
 */
public enum ScopeFamily {
    SITES("sites", "Sites"),
    CMS("cms", "CMS");

    /** How much of a family a token may use. */
    public enum Access {
        NONE("No access"), READ("Read-only"), WRITE("Read and write");

        private final String label;

        Access(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** {@code none}, {@code read} or {@code write}; anything else is none. */
        public static Access of(String value) {
            return value == null ? NONE : switch (value) {
                case "read" -> READ;
                case "write" -> WRITE;
                default -> NONE;
            };
        }

        public String value() {
            return name().toLowerCase();
        }
    }

    private final String prefix;
    private final String label;

    ScopeFamily(String prefix, String label) {
        this.prefix = prefix;
        this.label = label;
    }

    public String prefix() {
        return prefix;
    }

    public String label() {
        return label;
    }

    /** The scopes {@code access} to this family means. */
    public List<String> scopes(Access access) {
        return switch (access) {
            case NONE -> List.of();
            case READ -> List.of(prefix + ":read");
            case WRITE -> List.of(prefix + ":read", prefix + ":write");
        };
    }

    /** What {@code scopes} grant of this family. */
    public Access accessIn(Set<String> scopes) {
        return scopes.contains(prefix + ":write") ? Access.WRITE
                : scopes.contains(prefix + ":read") ? Access.READ : Access.NONE;
    }

    /** The scopes of a choice per family. */
    public static Set<String> scopes(Map<ScopeFamily, Access> choice) {
        Set<String> scopes = new TreeSet<>();
        choice.forEach((family, access) -> scopes.addAll(family.scopes(access)));
        return scopes;
    }

    /** A token's scopes in words, family by family: {@code Sites: Read-only, CMS: Read and write}. */
    public static List<String> describe(Set<String> scopes) {
        List<String> words = new ArrayList<>();
        for (ScopeFamily f : values()) {
            Access a = f.accessIn(scopes);
            if (a != Access.NONE) {
                words.add(f.label + ": " + a.label());
            }
        }
        return words;
    }
}
