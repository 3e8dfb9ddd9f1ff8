package io.newswire.publisher;

import io.newswire.model.ArticleSource;
import io.newswire.model.ArticleUpdate;
import io.newswire.model.Byline;
import io.newswire.model.Entity;
import io.newswire.model.Enrichment;
import io.newswire.model.Place;
import io.newswire.model.PubStatus;
import io.newswire.model.Signal;
import io.newswire.model.SourceRole;
import io.newswire.model.Subject;
import io.newswire.model.TextDirection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Article versions for tests: an Arabic report from Aleppo with its enrichment, and an English one without. */
public final class Articles {

    private Articles() {
    }

    /** Version 1 of an Arabic article on the syria desk, enriched: Aleppo (dateline), the SDF, a conflict subject, urgency 3. */
    public static ArticleUpdate arabic(final UUID articleId, final Instant created) {
        final UUID report = UUID.randomUUID();
        return ArticleUpdate.newBuilder()
                .setArticleId(articleId).setVersion(1).setSignal(Signal.NEW).setPubStatus(PubStatus.USABLE)
                .setLanguage("ar").setHeadline("نزوح عشرات العائلات من ريف حلب الجنوبي").setSubheadline("القصف يتواصل لليوم الثالث")
                .setDateline("ريف حلب الجنوبي")
                .setBody(List.of("نزحت عشرات العائلات من قرى ريف حلب الجنوبي فجر اليوم بعد قصف مدفعي.", "وقال ناشطون إن القصف طال ثلاث قرى."))
                .setBylines(List.of(new Byline("ريم حداد", "مراسلة في حلب")))
                .setUrgency(3)
                .setEnrichment(enrichment())
                .setTriggeringReportId(report)
                .setSources(List.of(ArticleSource.newBuilder().setReportId(report).setCorrespondentId("reem").setRole(SourceRole.ORIGIN).build()))
                .setFirstCreated(created).setVersionCreated(created)
                .setDesk("syria")
                .build();
    }

    /** Version 1 of an English article on the iraq desk, no enrichment, no urgency. */
    public static ArticleUpdate english(final UUID articleId, final Instant created) {
        final UUID report = UUID.randomUUID();
        return ArticleUpdate.newBuilder()
                .setArticleId(articleId).setVersion(1).setSignal(Signal.NEW).setPubStatus(PubStatus.USABLE)
                .setLanguage("en-GB").setHeadline("Water levels fall on the Tigris").setBody(List.of("Farmers near Mosul say <the river> is lower & slower."))
                .setTriggeringReportId(report)
                .setSources(List.of(ArticleSource.newBuilder().setReportId(report).setCorrespondentId("samir").setRole(SourceRole.ORIGIN).build()))
                .setFirstCreated(created).setVersionCreated(created)
                .setDesk("iraq")
                .build();
    }

    /** The next version of an article with a signal (UPDATE, CORRECTION, WITHDRAWAL), made at {@code created}. */
    public static ArticleUpdate next(final ArticleUpdate current, final Signal signal, final Instant created) {
        final ArticleUpdate.Builder next = ArticleUpdate.newBuilder(current).setVersion(current.getVersion() + 1).setSignal(signal)
                .setVersionCreated(created).setTriggeringReportId(UUID.randomUUID());
        if (signal == Signal.WITHDRAWAL) {
            next.setPubStatus(PubStatus.CANCELED);
        } else {
            next.setHeadline(current.getHeadline() + " (" + signal.name().toLowerCase() + ")");
        }
        return next.build();
    }

    public static Enrichment enrichment() {
        return Enrichment.newBuilder()
                .setMatchingHeadline("نزوح").setMatchingBody("نزح")
                .setDirection(TextDirection.RTL).setDirections(Map.of("headline", TextDirection.RTL, "body", TextDirection.RTL))
                .setPlaces(List.of(
                        Place.newBuilder().setId("geonames:170063").setName("حلب").setNameEn("Aleppo").setLatitude(36.20124).setLongitude(37.16117)
                                .setFeatureType("P.PPLA").setCountryCode("SY").setDateline(true).build(),
                        Place.newBuilder().setId("geonames:163915").setName("الرقة").setNameEn("Ar Raqqah").setLatitude(35.95).setLongitude(39.01)
                                .setFeatureType("P.PPLA").setCountryCode("SY").build()))
                .setEntities(List.of(
                        Entity.newBuilder().setId("Q1065").setName("الأمم المتحدة").setType("agency").build(),
                        Entity.newBuilder().setId("newswire:white-helmets").setName("الدفاع المدني السوري").setType("ngo").build()))
                .setSubjects(List.of(
                        Subject.newBuilder().setCode("medtop:16000000").setName("conflict, war and peace").build(),
                        Subject.newBuilder().setCode("medtop:14000000").setName("society").build()))
                .setUrgency(3)
                .build();
    }
}
