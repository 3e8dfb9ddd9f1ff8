/** The live stream: one consumer per browser over the article and alert topics, resumable by {@code Last-Event-ID}. */
package io.newswire.dashboard.live;
