/**
 * The newsroom HTTP API: {@link io.newswire.publisher.http.NewsroomApi} (what each request answers, no HTTP types) and
 * {@link io.newswire.publisher.http.PublisherServer} (Javalin: keys, problem+json, routes), described in
 * {@code /openapi.json}.
 */
package io.newswire.publisher.http;
