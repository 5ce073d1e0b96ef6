package dev.weft.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The Webflow v2 scope an API handler needs; an empty value says the route needs none (e.g.
 * {@code /token/introspect}). Every API handler carries one: {@link ScopeCheck} refuses a handler without it,
 * and a test enumerates the routes.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface RequiredScope {
    String value();
}
