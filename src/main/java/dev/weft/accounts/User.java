package dev.weft.accounts;

import java.time.Instant;
import java.util.Objects;

/** A person with a Weft account. */
public record User(String id, String email, String firstName, String lastName, Instant createdAt) {
    public User {
        Objects.requireNonNull(id, "id cannot be null");
        Objects.requireNonNull(email, "email cannot be null");
        Objects.requireNonNull(firstName, "firstName cannot be null");
        Objects.requireNonNull(lastName, "lastName cannot be null");
        Objects.requireNonNull(createdAt, "createdAt cannot be null");
    }

    public String displayName() {
        return lastName.isEmpty() ? firstName : firstName + " " + lastName;
    }
}
