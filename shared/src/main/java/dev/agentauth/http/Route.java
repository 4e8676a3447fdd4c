package dev.agentauth.http;

/** One route's work: parse the request, call one use case, map its result. */
@FunctionalInterface
public interface Route {
    ApiResponse handle(ApiRequest request);
}
