package dev.weft.accounts;

import java.time.Instant;
import java.util.Objects;

/** A workspace: owns sites and has members with roles. */
public record Workspace(String id, String name, Instant createdAt) {
    public Workspace {
        Objects.requireNonNull(id, "id cannot be null");
        Objects.requireNonNull(name, "name cannot be null");
        Objects.requireNonNull(createdAt, "createdAt cannot be null");
    }
}
