package io.newswire.dashboard.view;

import io.newswire.enrichment.text.MatchingTextNormalizer;
import io.newswire.model.ArticleSource;
import io.newswire.model.ArticleUpdate;
import io.newswire.model.Enrichment;
import io.newswire.model.Evidence;
import io.newswire.model.PubStatus;
import io.newswire.model.Place;
import io.newswire.model.Signal;
import io.newswire.model.SourceRole;
import io.newswire.model.TextDirection;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Article versions for the view tests: our own Aleppo story, enriched as the pipeline would. */
final class Versions {

    static final UUID ARTICLE = UUID.fromString("6b83f646-7f44-3829-95bd-302d6ca994c0");
    static final MatchingTextNormalizer NORMALIZER = new MatchingTextNormalizer();

    private Versions() {
    }

    static ArticleUpdate aleppo(final int version, final Signal signal, final String headline, final String body, final String... correspondents) {
        final int at = headline.indexOf("حلب");
        final Place aleppo = Place.newBuilder().setId("geonames:170063").setName("حلب").setNameEn("Aleppo").setLatitude(36.20124).setLongitude(37.16117)
                .setFeatureType("P.PPLA").setCountryCode("SY").setDateline(false)
                .setEvidence(at < 0 ? List.of() : List.of(Evidence.newBuilder().setField("headline").setStart(at).setEnd(at + 3).setText("حلب")
                        .setRule("place.gazetteer").setScore(null).build())).build();
        final Enrichment enrichment = Enrichment.newBuilder().setMatchingHeadline(NORMALIZER.matchingForm(headline))
                .setMatchingBody(NORMALIZER.matchingForm(body)).setDedupTerms(ByteBuffer.allocate(0)).setDetectedLanguage("ar")
                .setLanguageConfidence(0.99).setDirection(TextDirection.RTL).setDirections(Map.of()).setPlaces(List.of(aleppo))
                .setEntities(List.of()).setDates(List.of()).setClaims(List.of()).setSubjects(List.of()).setUrgency(4)
                .setUrgencyReasons(List.of()).setWarnings(List.of()).build();
        final List<ArticleSource> sources = java.util.stream.IntStream.range(0, correspondents.length).mapToObj(i -> ArticleSource.newBuilder()
                .setReportId(UUID.nameUUIDFromBytes((correspondents[i] + version).getBytes())).setCorrespondentId(correspondents[i])
                .setRole(i == 0 ? SourceRole.ORIGIN : SourceRole.CORROBORATION).setSimilarity(i == 0 ? null : 0.71).setMethod(i == 0 ? null : "tfidf-cosine")
                .build()).toList();
        return ArticleUpdate.newBuilder().setArticleId(ARTICLE).setVersion(version).setSignal(signal).setPubStatus(PubStatus.USABLE)
                .setLanguage("ar").setHeadline(headline).setBody(List.of(body)).setBylines(List.of()).setMedia(List.of()).setUrgency(4)
                .setEnrichment(enrichment).setTriggeringReportId(UUID.randomUUID()).setSources(sources)
                .setFirstCreated(Instant.parse("2026-12-03T06:00:00Z")).setVersionCreated(Instant.parse("2026-12-03T06:00:00Z").plusSeconds(60L * version))
                .setDesk("syria").build();
    }
}
