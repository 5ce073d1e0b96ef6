package dev.weft.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A route Webflow serves to app (OAuth) tokens only: its site tokens "cannot call Authorization endpoints
 * ({@code /token/*})". {@link ScopeCheck} answers a site token 403 {@code forbidden} with a message naming what
 * to call instead, before the route's scope is checked.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface AppTokensOnly {}
