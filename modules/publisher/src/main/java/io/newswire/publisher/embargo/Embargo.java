package io.newswire.publisher.embargo;

import io.newswire.model.ArticleUpdate;

import java.time.Instant;

/**
 * The embargo rule, pure: an article whose latest version carries {@code embargoUntil} is withheld from every channel
 * (API, feeds, webhooks) until that instant, and its every version with it (as ninjs defines embargoedUntil: "before
 * which all versions are embargoed"). At the instant itself it is released.
 *
 * <p>The publication time of a version is when a receiver could first have it: its {@code versionCreated}, or the end
 * of the embargo when that is later. Listings and feeds sort by it, so a released article comes out on top the moment
 * it is released rather than deep in the list at the time it was filed.
 */
public final class Embargo {

    private Embargo() {
    }

    /** Whether the article (judged by its latest version) may be shown at {@code now}. */
    public static boolean isReleased(final ArticleUpdate latest, final Instant now) {
        final Instant until = latest.getEmbargoUntil();
        return until == null || !now.isBefore(until);
    }

    /** When the version could first be published: versionCreated, or the embargo's end when later. */
    public static Instant publicationTime(final ArticleUpdate version) {
        final Instant until = version.getEmbargoUntil();
        return until != null && until.isAfter(version.getVersionCreated()) ? until : version.getVersionCreated();
    }
}
