package io.newswire.processing.articles;

import io.newswire.model.ArticleUpdate;
import io.newswire.model.CorrespondentReport;
import io.newswire.model.ReportKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The desk and the embargo a report carries reach its article's versions (the publisher withholds by them). */
class ArticleVersionerTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final Instant EMBARGO = Instant.parse("2026-12-03T18:00:00Z");

    @Test
    void shouldCarryDeskAndEmbargoWhenAnArticleStarts() {
        final ArticleUpdate first = ArticleVersioner.start(report(ReportKind.NEW, null, EMBARGO), null, NOW);

        assertThat(first.getDesk()).isEqualTo("syria");
        assertThat(first.getEmbargoUntil()).isEqualTo(EMBARGO);
    }

    @Test
    void shouldKeepTheEmbargoWhenACorrectionNamesNone() {
        final CorrespondentReport original = report(ReportKind.NEW, null, EMBARGO);
        final ArticleUpdate first = ArticleVersioner.start(original, null, NOW);

        final ArticleUpdate corrected = ArticleVersioner.revise(first, report(ReportKind.CORRECTION, original.getReportId(), null), null, NOW.plusSeconds(60));

        assertThat(corrected.getEmbargoUntil()).isEqualTo(EMBARGO);
        assertThat(corrected.getDesk()).isEqualTo("syria");
    }

    @Test
    void shouldMoveTheEmbargoWhenAnUpdateCarriesItsOwn() {
        final CorrespondentReport original = report(ReportKind.NEW, null, EMBARGO);
        final ArticleUpdate first = ArticleVersioner.start(original, null, NOW);
        final Instant later = EMBARGO.plusSeconds(3600);

        final ArticleUpdate updated = ArticleVersioner.revise(first, report(ReportKind.UPDATE, original.getReportId(), later), null, NOW.plusSeconds(60));

        assertThat(updated.getEmbargoUntil()).isEqualTo(later);
    }

    private static CorrespondentReport report(final ReportKind kind, final UUID refersTo, final Instant embargo) {
        return CorrespondentReport.newBuilder().setReportId(UUID.randomUUID()).setCorrespondentId("reem").setDesk("syria")
                .setLanguage("ar").setKind(kind).setRefersTo(refersTo).setHeadline("عنوان").setBody(List.of("نص."))
                .setFiledAt(NOW).setReceivedAt(NOW).setContentDigest("d").setEmbargoUntil(embargo).build();
    }
}
