package dev.weft.accounts;

/** One member of a workspace, as listed to its members. */
public record Member(User user, Role role) {}
