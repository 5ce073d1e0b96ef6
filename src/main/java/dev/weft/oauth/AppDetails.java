package dev.weft.oauth;

import java.util.List;

/** What a developer types when registering or editing an app, before validation. */
public record AppDetails(String name, String description, String homepage, List<String> redirectUris, List<String> scopes) {}
