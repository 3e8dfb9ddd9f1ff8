package io.newswire.gateway.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.model.ReportKind;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ReportIntakeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private final ReportIntake intake = new ReportIntake(Clock.fixed(NOW, ZoneOffset.UTC));

    private ReportIntake.Result read(final String json) throws Exception {
        return intake.read(JSON.readTree(json));
    }

    private static String valid(final String extra) {
        return "{\"reportId\":\"" + UUID.randomUUID() + "\",\"language\":\"ar\",\"headline\":\"عنوان\",\"body\":[\"فقرة.\"]" + extra + "}";
    }

    @Test
    void shouldAcceptAMinimalReportAsNewFiledNow() throws Exception {
        final ReportIntake.Result result = read(valid(""));

        assertThat(result.errors()).isEmpty();
        assertThat(result.draft().kind()).isEqualTo(ReportKind.NEW);
        assertThat(result.draft().filedAt()).isNull(); // the gateway uses its receive time
    }

    @Test
    void shouldListEveryBadFieldWithAPointer() throws Exception {
        // Given a report with five separate problems
        final ReportIntake.Result result = read("{\"reportId\":\"nope\",\"kind\":\"RUMOUR\",\"language\":\"not a tag\",\"headline\":\"  \",\"body\":[]}");

        // Then each is reported at its own pointer, so an app can mark them all at once
        assertThat(result.valid()).isFalse();
        assertThat(result.errors()).extracting(FieldError::pointer)
                .containsExactlyInAnyOrder("/reportId", "/kind", "/language", "/headline", "/body");
    }

    @Test
    void shouldRequireARefersToForUpdatesCorrectionsAndWithdrawals() throws Exception {
        for (final String kind : new String[] {"UPDATE", "CORRECTION", "WITHDRAWAL"}) {
            assertThat(read(valid(",\"kind\":\"" + kind + "\"")).errors()).extracting(FieldError::pointer).containsExactly("/refersTo");
        }
        assertThat(read(valid(",\"kind\":\"UPDATE\",\"refersTo\":\"" + UUID.randomUUID() + "\"")).valid()).isTrue();
    }

    @Test
    void shouldRejectUnknownFieldsSoATypoCannotLoseText() throws Exception {
        assertThat(read(valid(",\"headlnie\":\"x\"")).errors()).extracting(FieldError::pointer).containsExactly("/headlnie");
        assertThat(read(valid(",\"byline\":{\"name\":\"x\",\"biography\":\"y\"}")).errors()).extracting(FieldError::pointer)
                .containsExactly("/byline/biography");
    }

    @Test
    void shouldRefuseACorrespondentIdInTheBody() throws Exception {
        // who files is decided by the token: a body naming someone must not be able to impersonate them
        assertThat(read(valid(",\"correspondentId\":\"someone-else\"")).errors()).extracting(FieldError::pointer)
                .containsExactly("/correspondentId");
    }

    @Test
    void shouldRejectAFiledTimeFarInTheFutureButAcceptTheSameTimeYesterday() throws Exception {
        assertThat(read(valid(",\"filedAt\":\"2026-11-24T15:00:00+03:00\"")).valid()).isTrue(); // = 12:00Z, now
        assertThat(read(valid(",\"filedAt\":\"2026-11-24T13:00:00Z\"")).errors()).extracting(FieldError::pointer).containsExactly("/filedAt");
        assertThat(read(valid(",\"filedAt\":\"yesterday\"")).errors()).extracting(FieldError::pointer).containsExactly("/filedAt");
    }

    @Test
    void shouldSplitAStringBodyIntoParagraphsOnBlankLines() throws Exception {
        final ReportIntake.Result result = read("{\"reportId\":\"" + UUID.randomUUID() + "\",\"language\":\"en\",\"headline\":\"h\","
                + "\"body\":\"First paragraph.\\n\\nSecond paragraph,\\nsame paragraph.\\n\\n\\n\"}");

        assertThat(result.draft().body()).containsExactly("First paragraph.", "Second paragraph,\nsame paragraph.");
    }

    @Test
    void shouldWarnWhenBidiControlsWereStripped() throws Exception {
        final ReportIntake.Result result = read(valid(",\"subheadline\":\"\u202Eabc\""));

        assertThat(result.valid()).isTrue();
        assertThat(result.draft().subheadline()).isEqualTo("abc");
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).startsWith("/subheadline").contains("U+202A"));
    }

    @Test
    void shouldEnforceSizeLimits() throws Exception {
        final String longHeadline = "ع".repeat(ReportIntake.MAX_HEADLINE_CHARS + 1);

        assertThat(read("{\"reportId\":\"" + UUID.randomUUID() + "\",\"language\":\"ar\",\"headline\":\"" + longHeadline + "\",\"body\":[\"x\"]}")
                .errors()).extracting(FieldError::pointer).containsExactly("/headline");
    }

    @Test
    void shouldRejectTextWithALoneSurrogateEscapeAtItsPointer() throws Exception {
        // "\uD800" alone is valid JSON but not Unicode: stored, it would silently become "?"
        final ReportIntake.Result result = read(valid(",\"byline\":{\"name\":\"x\\uD800\"}"));

        assertThat(result.errors()).extracting(FieldError::pointer).containsExactly("/byline/name");
    }

    @Test
    void shouldBoundTheListOfErrorsAndTheTextItQuotes() throws Exception {
        // Given 500 unknown keys, one of them 10,000 characters long
        final StringBuilder json = new StringBuilder("{\"k" + "x".repeat(10_000) + "\":1");
        for (int i = 0; i < 500; i++) {
            json.append(",\"unknown").append(i).append("\":1");
        }
        final ReportIntake.Result result = read(json.append('}').toString());

        // Then at most MAX_ERRORS are listed plus one line saying how many more, each short
        assertThat(result.errors()).hasSize(ReportIntake.MAX_ERRORS + 1);
        assertThat(result.errors().get(ReportIntake.MAX_ERRORS).message()).contains("more errors");
        assertThat(result.errors()).allSatisfy(e -> assertThat(e.pointer().length() + e.message().length()).isLessThan(1_000));
    }

    @Test
    void shouldEscapeAKeyIntoAJsonPointer() throws Exception {
        assertThat(read(valid(",\"a/b~c\":1")).errors()).extracting(FieldError::pointer).containsExactly("/a~1b~0c");
    }

    @Test
    void shouldRefuseAReportReferringToItselfAndANewReportReferringToAnother() throws Exception {
        final UUID id = UUID.randomUUID();
        final String self = "{\"reportId\":\"" + id + "\",\"kind\":\"CORRECTION\",\"refersTo\":\"" + id
                + "\",\"language\":\"ar\",\"headline\":\"h\",\"body\":[\"b\"]}";

        assertThat(read(self).errors()).extracting(FieldError::pointer).containsExactly("/refersTo");
        assertThat(read(valid(",\"refersTo\":\"" + UUID.randomUUID() + "\"")).errors()).extracting(FieldError::pointer).containsExactly("/refersTo");
    }

    @Test
    void shouldTakeTheCorrespondentsWordsAsWrittenAfterNfc() throws Exception {
        // Given decomposed Arabic (harakat as separate marks, in a non-canonical order) with a tatweel
        final String written = "قال\u0651\u064E المراسل: الرقـة";
        final ReportIntake.Result result = read("{\"reportId\":\"" + UUID.randomUUID() + "\",\"language\":\"ar\",\"headline\":\""
                + written + "\",\"body\":[\"" + written + "\"]}");

        assertThat(result.draft().headline()).isEqualTo(java.text.Normalizer.normalize(written, java.text.Normalizer.Form.NFC));
        assertThat(result.draft().body()).containsExactly(java.text.Normalizer.normalize(written, java.text.Normalizer.Form.NFC));
    }

    @Test
    void shouldNormaliseTheLanguageTagAndRejectATagWithoutALanguage() throws Exception {
        assertThat(read(valid("").replace("\"ar\"", "\"AR-sy\"")).draft().language()).isEqualTo("ar-SY");
        assertThat(read(valid("").replace("\"ar\"", "\"x-private\"")).errors()).extracting(FieldError::pointer).containsExactly("/language");
    }

    @Test
    void shouldCarryAnEmbargoToTheReportWhenOneIsGiven() throws Exception {
        final ReportIntake.Result result = read(valid(",\"embargoUntil\":\"2026-11-24T18:00:00+03:00\""));

        assertThat(result.errors()).isEmpty();
        assertThat(result.draft().embargoUntil()).isEqualTo(Instant.parse("2026-11-24T15:00:00Z"));
        assertThat(result.draft().toReport("reem", "syria", NOW, "d").getEmbargoUntil()).isEqualTo(Instant.parse("2026-11-24T15:00:00Z"));
        assertThat(read(valid(",\"embargoUntil\":\"tonight\"")).errors()).extracting(FieldError::pointer).containsExactly("/embargoUntil");
    }
}
