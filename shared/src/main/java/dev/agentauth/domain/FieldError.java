package dev.agentauth.domain;

/** One invalid field: {@code field} is a path such as {@code oauth.client_secret} or {@code scopes[1]}. */
public record FieldError(String field, String message) {}
