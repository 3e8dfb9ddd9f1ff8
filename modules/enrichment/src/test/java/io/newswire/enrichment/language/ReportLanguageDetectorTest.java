package io.newswire.enrichment.language;

import io.newswire.enrichment.text.ReportText;
import io.newswire.model.Warning;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.newswire.enrichment.text.ReportTexts.report;
import static org.assertj.core.api.Assertions.assertThat;

class ReportLanguageDetectorTest {

    private static final ReportLanguageDetector DETECTOR = new ReportLanguageDetector(ReportLanguageDetector.Settings.defaults());
    /** The same languages with every text scored by Lingua, so its answers are checked, not only the letter rule's. */
    private static final ReportLanguageDetector LINGUA_ONLY =
            new ReportLanguageDetector(ReportLanguageDetector.Settings.defaults().withArabicByLetters(false));

    private static final String ARABIC_BODY = "أعلنت قوات SDF صباح اليوم سيطرتها على قرية جديدة شرق دير الزور، "
            + "بعد اشتباكات مع خلايا تنظيم ISIS استمرت ساعات، بحسب ما قال مراسل Newswire في المنطقة.";
    private static final String ENGLISH_BODY = "Kurdish-led forces said on Sunday they had taken a village east of Deir ez-Zor "
            + "after hours of fighting with Islamic State cells, according to residents and a local council member.";

    @Test
    void shouldDetectArabicWhenLatinNamesAreInIt() {
        // given an Arabic report quoting three Latin-script names
        final ReportText text = report("قوات SDF تعلن السيطرة على قرية شرق دير الزور", ARABIC_BODY);
        // then both paths call it Arabic, sure enough not to doubt a declared "ar"
        for (final ReportLanguageDetector detector : List.of(DETECTOR, LINGUA_ONLY)) {
            final LanguageDetection detection = detector.detect(text, "ar");
            assertThat(detection.language()).isEqualTo("ar");
            assertThat(detection.confidence()).isGreaterThanOrEqualTo(0.6);
            assertThat(detection.warnings()).isEmpty();
        }
        assertThat(DETECTOR.detect(text, "ar").rule()).isEqualTo("script.arabic");
        assertThat(LINGUA_ONLY.detect(text, "ar").rule()).isEqualTo("lingua");
    }

    @Test
    void shouldDetectArabicWhenWrittenWithoutHamzaOrWithTatweelAndHarakat() {
        final String bare = "قتل امس اربعة اشخاص في قصف على ريف ادلب الجنوبي، واصيب اخرون بجروح نقلوا على اثرها الى المشافي";
        final String stretched = "الرقـــة: خـــروج مئـــات المدنيين مِنْ حصارِهم فجرَ اليوم بعد فتح ممر آمن";
        for (final String body : List.of(bare, stretched)) {
            assertThat(LINGUA_ONLY.detect(report("", body), "ar").language()).as(body).isEqualTo("ar");
            assertThat(DETECTOR.detect(report("", body), "ar").language()).as(body).isEqualTo("ar");
        }
    }

    @Test
    void shouldWarnOfAMismatchWhenDeclaredArabicButTheReportIsEnglish() {
        // given a report declared Arabic, written in English
        final LanguageDetection detection = DETECTOR.detect(report("Village taken east of Deir ez-Zor", ENGLISH_BODY), "ar-SY");
        // then English, and one warning naming both languages, on the body
        assertThat(detection.language()).isEqualTo("en");
        assertThat(detection.confidence()).isGreaterThanOrEqualTo(0.6);
        assertThat(detection.warnings()).singleElement().satisfies((final Warning w) -> {
            assertThat(w.getCode()).isEqualTo("language-mismatch");
            assertThat(w.getField()).isEqualTo("body");
            assertThat(w.getMessage()).contains("ar").contains("\"ar-SY\"").contains("en");
        });
    }

    @Test
    void shouldNotWarnWhenTheDeclaredTagHasARegionOrNamesAnArabicVariety() {
        final ReportText arabic = report("", ARABIC_BODY);
        for (final String declared : List.of("ar", "AR", "ar-SY", "ar_IQ", "apc", "arz-EG")) {
            assertThat(DETECTOR.detect(arabic, declared).warnings()).as(declared).isEmpty();
        }
        assertThat(DETECTOR.detect(report("", ENGLISH_BODY), "en-GB").warnings()).isEmpty();
    }

    @Test
    void shouldNotWarnWhenDeclaredIsMissing() {
        assertThat(DETECTOR.detect(report("", ENGLISH_BODY), null).warnings()).isEmpty();
        assertThat(DETECTOR.detect(report("", ENGLISH_BODY), " ").warnings()).isEmpty();
    }

    @Test
    void shouldGiveNoLanguageWhenTheTextIsTooShortOrDigitsOnly() {
        for (final String text : List.of("", "12/10/2017", "٢٥٠ - 3", "Raqqa", "حلب 15", "YPG!")) {
            final LanguageDetection detection = DETECTOR.detect(report(text, ""), "fr");
            assertThat(detection.language()).as(text).isNull();
            assertThat(detection.confidence()).as(text).isNull();
            assertThat(detection.warnings()).as(text).isEmpty();
        }
    }

    @Test
    void shouldNotWarnWhenAShortHeadlineIsAllThereIs() {
        // a four-word English headline on a report declared French: too little text to contradict the declaration
        final LanguageDetection detection = DETECTOR.detect(report("Ceasefire holding in south", ""), "fr");
        assertThat(detection.language()).isEqualTo("en");
        assertThat(detection.field()).isEqualTo("headline");
        assertThat(detection.confidence()).isLessThan(0.6);
        assertThat(detection.warnings()).isEmpty();
    }

    @Test
    void shouldTellPersianFromArabicWhenTheScriptIsTheSame() {
        // Persian letters (ی ک گ) send it to Lingua, which knows Persian
        final String persian = "منابع محلی در حومه شرقی دیر الزور گفتند که درگیری های شدیدی سحرگاه امروز میان جنگجویان عشایر و نیروهای کرد رخ داد";
        final LanguageDetection detection = DETECTOR.detect(report("", persian), "ar");
        assertThat(detection.language()).isEqualTo("fa");
        assertThat(detection.rule()).isEqualTo("lingua");
        assertThat(detection.warnings()).singleElement().satisfies(w -> assertThat(w.getMessage()).contains("fa"));
    }

    @Test
    void shouldRecogniseSoraniByItsLetters() {
        final String sorani = "سێ هاوڵاتی لە هێرشێکی ئاسمانیدا لە نزیک شاری کۆبانێ کوژران و چەند کەسێکی تر بریندار بوون";
        final LanguageDetection detection = DETECTOR.detect(report("", sorani), "ku");
        assertThat(detection.language()).isEqualTo("ckb");
        assertThat(detection.rule()).isEqualTo("script.kurdish");
        assertThat(detection.warnings()).as("ku is Kurdish, of which Sorani is one").isEmpty();
    }

    @Test
    void shouldGiveTheSameAnswerWhenAskedTwice() {
        final ReportText text = report("Frappes sur Alep", "Des frappes aériennes ont visé mardi plusieurs quartiers d'Alep, selon des témoins sur place.");
        final LanguageDetection first = LINGUA_ONLY.detect(text, "ar");
        for (int i = 0; i < 5; i++) {
            assertThat(LINGUA_ONLY.detect(text, "ar")).isEqualTo(first);
        }
        assertThat(first.language()).isEqualTo("fr");
    }

    @Test
    void shouldReadOnlyTheHeadlineAndTheStartOfTheBody() {
        // given an Arabic lead and then a long English quotation; only the first 200 body characters are read
        final String body = ARABIC_BODY + "\n" + ENGLISH_BODY.repeat(6);
        assertThat(DETECTOR.detect(report("", body), "ar").language()).isEqualTo("ar");
        // a cut inside a word runs on to its end; a cut at a space stops there
        assertThat(ReportLanguageDetector.prefix("one two three", 5)).isEqualTo("one two");
        assertThat(ReportLanguageDetector.prefix("one two three", 3)).isEqualTo("one");
        assertThat(ReportLanguageDetector.prefix("short", 0)).isEqualTo("short");
    }

    @Test
    void shouldStripTatweelHarakatAndBidiMarksAndFoldPresentationForms() {
        assertThat(ReportLanguageDetector.clean("الرقـــة \u200fمِنْ")).isEqualTo("الرقة من");
        // ﻻ (lam-alef ligature) and ﺏ (isolated beh) as a PDF copy gives them
        assertThat(ReportLanguageDetector.clean("\uFEFB\uFE8F")).isEqualTo("لاب");
    }

    @Test
    void shouldRejectALanguageLinguaDoesNotHave() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        new ReportLanguageDetector(ReportLanguageDetector.Settings.defaults().withLanguages(java.util.Set.of("ar", "xx"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("xx");
    }
}
