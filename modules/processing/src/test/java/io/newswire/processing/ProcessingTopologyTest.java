package io.newswire.processing;

import io.newswire.model.ArticleUpdate;
import io.newswire.model.CorrespondentReport;
import io.newswire.model.EnrichedReport;
import io.newswire.model.PubStatus;
import io.newswire.model.ReportKind;
import io.newswire.model.ReportState;
import io.newswire.model.ReportStatus;
import io.newswire.model.Signal;
import io.newswire.model.SourceRole;
import io.newswire.model.topics.Topics;
import io.newswire.processing.articles.ArticleProcessor;
import io.newswire.processing.articles.ArticleVersioner;
import io.newswire.processing.dedup.DedupSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The wiring of the processing topology, driven without a broker (claims about the running system are in *IntegrationTest). */
class ProcessingTopologyTest {

    private TopologyTestDriver driver;
    private Path state;
    private TestInputTopic<String, CorrespondentReport> reports;
    private TestOutputTopic<String, ArticleUpdate> updates;
    private TestOutputTopic<String, ArticleUpdate> latest;
    private TestOutputTopic<String, ReportStatus> statuses;
    private TestOutputTopic<String, EnrichedReport> enriched;
    private TestOutputTopic<String, io.newswire.model.DeadLetter> deadLetters;
    private SimpleMeterRegistry meters;

    @BeforeEach
    void start(@TempDir final Path state) {
        this.state = state;
        open(ArticleProcessor.DEFAULT_RETENTION);
    }

    /** (Re)builds the driver with the given retention of the articles step. */
    private void open(final Duration retention) {
        if (driver != null) {
            driver.close();
        }
        final ProcessingSerdes serdes = new ProcessingSerdes(Serdes.String(), new AvroTestSerde<>(CorrespondentReport.class),
                new AvroTestSerde<>(EnrichedReport.class), new AvroTestSerde<>(ArticleUpdate.class), new AvroTestSerde<>(ReportStatus.class),
                new AvroTestSerde<>(io.newswire.model.DeadLetter.class));
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, state.resolve("r" + retention.toMillis()).toString());
        meters = new SimpleMeterRegistry();
        props.put(ProcessingMetrics.CONFIG_KEY, new ProcessingMetrics(meters));
        driver = new TopologyTestDriver(ProcessingTopology.build(serdes, DedupSettings.defaults(Duration.ofHours(72).toMillis()), retention), props);
        reports = driver.createInputTopic(Topics.REPORTS.name(), Serdes.String().serializer(), serdes.report().serializer());
        updates = driver.createOutputTopic(Topics.ARTICLE_UPDATES.name(), Serdes.String().deserializer(), serdes.article().deserializer());
        latest = driver.createOutputTopic(Topics.ARTICLES.name(), Serdes.String().deserializer(), serdes.article().deserializer());
        statuses = driver.createOutputTopic(Topics.REPORT_STATUS.name(), Serdes.String().deserializer(), serdes.status().deserializer());
        enriched = driver.createOutputTopic(Topics.REPORTS_ENRICHED.name(), Serdes.String().deserializer(), serdes.enriched().deserializer());
        deadLetters = driver.createOutputTopic(Topics.DEAD_LETTERS.name(), Serdes.String().deserializer(), serdes.deadLetter().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void shouldMakeOneArticleWithVersionsFromASecondSourceAndACorrection() {
        // Given a report, a reworded copy by a second correspondent, an exact resend, and a correction by the first
        final CorrespondentReport first = displacementReport();
        final CorrespondentReport second = displacementRewordedBySamir();
        final CorrespondentReport correction = report("reem", ReportKind.CORRECTION, first.getReportId(),
                "نزوح نحو 80 عائلة من ريف حلب الجنوبي بعد قصف ليلي",
                "نزحت نحو 80 عائلة، لا 60 كما ورد، من قرى تل الضمان والحاضر.", "ووصلت العائلات إلى مخيمات قرب الأتارب.");

        // When they are processed in order (the resend in between)
        pipe(first);
        pipe(second);
        pipe(first);
        pipe(correction);

        // Then one article: NEW, UPDATE (corroborated by the second source), CORRECTION; the resend shows nowhere
        final List<ArticleUpdate> versions = updates.readValuesToList();
        assertThat(versions).extracting(ArticleUpdate::getVersion).containsExactly(1, 2, 3);
        assertThat(versions).extracting(ArticleUpdate::getSignal).containsExactly(Signal.NEW, Signal.UPDATE, Signal.CORRECTION);
        assertThat(versions).extracting(v -> v.getArticleId().toString()).containsOnly(versions.get(0).getArticleId().toString());
        assertThat(versions.get(1).getHeadline()).as("corroboration keeps the first text").isEqualTo(first.getHeadline());
        assertThat(versions.get(1).getSources().get(1).getRole()).isEqualTo(SourceRole.CORROBORATION);
        assertThat(versions.get(1).getSources().get(1).getMatchedReportId()).isEqualTo(first.getReportId());
        assertThat(versions.get(1).getSources().get(1).getSimilarity()).isGreaterThanOrEqualTo(DedupSettings.DEFAULT_THRESHOLD);
        assertThat(versions.get(2).getHeadline()).isEqualTo(correction.getHeadline());
        assertThat(latest.readKeyValuesToMap()).hasSize(1);
        assertThat(enriched.readValuesToList()).hasSize(4);
    }

    @Test
    void shouldKeepDifferentStoriesFromTheSamePlaceApart() {
        pipe(report("reem", ReportKind.NEW, null, "انقطاع المياه عن أحياء شرقي دير الزور لليوم الثالث",
                "يعاني سكان ثلاثة أحياء في شرق دير الزور من انقطاع المياه منذ يوم الأحد بعد توقف محطة الضخ الرئيسية.",
                "ويشتري الأهالي المياه من الصهاريج بأسعار مرتفعة."));
        pipe(report("samir", ReportKind.NEW, null, "اشتباكات بين مجموعات مسلحة في ريف دير الزور الشرقي",
                "اندلعت اشتباكات مساء أمس بين مجموعتين مسلحتين في بلدة ذيبان بريف دير الزور الشرقي.",
                "وأفادت مصادر محلية بسقوط قتيلين وإصابة آخرين."));

        final List<ArticleUpdate> versions = updates.readValuesToList();
        assertThat(versions).extracting(ArticleUpdate::getVersion).containsExactly(1, 1);
        assertThat(versions.get(0).getArticleId()).isNotEqualTo(versions.get(1).getArticleId());
    }

    @Test
    void shouldRecordTheSameTextUnderAnotherIdAsADuplicate() {
        final CorrespondentReport original = report("reem", ReportKind.NEW, null, "حريق في سوق الهال بحمص", "اندلع حريق كبير في سوق الهال.", "ولا إصابات.");
        final CorrespondentReport copy = CorrespondentReport.newBuilder(original).setReportId(UUID.randomUUID()).setCorrespondentId("samir").build();

        pipe(original);
        pipe(copy);

        assertThat(updates.readValuesToList()).hasSize(1);
        final List<ReportStatus> states = statuses.readValuesToList();
        assertThat(states).extracting(ReportStatus::getState).containsExactly(ReportState.PROCESSED, ReportState.DUPLICATE);
        assertThat(states.get(1).getDuplicateOf()).isEqualTo(original.getReportId());
    }

    @Test
    void shouldCancelTheArticleOnAWithdrawal() {
        final CorrespondentReport original = report("reem", ReportKind.NEW, null, "خبر سيسحب", "نص الخبر.", "فقرة ثانية.");
        pipe(original);
        pipe(report("reem", ReportKind.WITHDRAWAL, original.getReportId(), "سحب الخبر", "سحب الخبر لعدم التأكد من المصدر.", "-"));

        final List<ArticleUpdate> versions = updates.readValuesToList();
        assertThat(versions).extracting(ArticleUpdate::getSignal).containsExactly(Signal.NEW, Signal.WITHDRAWAL);
        assertThat(versions.get(1).getPubStatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(versions.get(1).getHeadline()).as("the text stays for the record").isEqualTo(original.getHeadline());
    }

    @Test
    void shouldHoldACorrectionThatArrivesBeforeItsReportUntilTheReportArrives() {
        // reports of one story can overtake each other (offline queues, several gateways, source partitions)
        final CorrespondentReport original = report("reem", ReportKind.NEW, null, "خبر أول", "نص الخبر الأول.", "فقرة.");
        final CorrespondentReport correction = report("reem", ReportKind.CORRECTION, original.getReportId(), "خبر أول مصحح", "نص مصحح.", "فقرة.");

        pipe(correction);
        assertThat(updates.isEmpty()).isTrue();
        assertThat(statuses.readValue().getReason()).contains("waiting for report " + original.getReportId());
        pipe(original);

        assertThat(updates.readValuesToList()).extracting(ArticleUpdate::getSignal).containsExactly(Signal.NEW, Signal.CORRECTION);
    }

    @Test
    void shouldRefuseACorrectionOfAnotherCorrespondentsReport() {
        final CorrespondentReport original = report("reem", ReportKind.NEW, null, "خبر", "نص.", "فقرة.");
        pipe(original);
        updates.readValuesToList();

        // the step refuses it: a dead letter and a status under the correction's own id (on the real broker:
        // ArticlesStepDeadLettersIntegrationTest)
        final CorrespondentReport intruder = report("samir", ReportKind.CORRECTION, original.getReportId(), "تصحيح", "نص.", "فقرة.");
        statuses.readValuesToList();
        pipe(intruder);
        assertThat(updates.isEmpty()).isTrue();
        final var letter = deadLetters.readKeyValue();
        assertThat(letter.key).isEqualTo(intruder.getReportId().toString());
        assertThat(letter.value.getReason()).contains("filed by another correspondent");
        assertThat(statuses.readKeyValue()).satisfies(status -> {
            assertThat(status.key).isEqualTo(intruder.getReportId().toString());
            assertThat(status.value.getState()).isEqualTo(io.newswire.model.ReportState.DEAD_LETTERED);
        });
    }

    @Test
    void shouldForgetArticlesAndTheirReportsUnusedForTheRetentionButKeepLiveOnes() {
        open(Duration.ofHours(1));
        final long t0 = Instant.now().minus(Duration.ofDays(1)).toEpochMilli();
        // three different stories (their words apart), so dedup joins none of them to another
        final CorrespondentReport old = report("reem", ReportKind.NEW, null, "انقطاع المياه عن حي الميدان", "انقطعت المياه عن حي الميدان منذ الصباح.", "وقالت المؤسسة إن العطل في خط رئيسي.");
        final CorrespondentReport live = report("reem", ReportKind.NEW, null, "عودة الكهرباء إلى أحياء حمص", "عادت الكهرباء إلى أحياء حمص بعد إصلاح المحطة.", "وتوقع عمال الصيانة استقرار التغذية.");
        final CorrespondentReport liveUpdate = report("reem", ReportKind.UPDATE, live.getReportId(), "خبر عن الكهرباء", "نص محدث.", "فقرة.");
        reports.pipeInput(old.getReportId().toString(), old, t0);
        reports.pipeInput(live.getReportId().toString(), live, t0 + 1_000);
        reports.pipeInput(liveUpdate.getReportId().toString(), liveUpdate, t0 + Duration.ofMinutes(50).toMillis());
        final String oldArticle = ArticleVersioner.articleIdFor(old.getReportId()).toString();
        final String liveArticle = ArticleVersioner.articleIdFor(live.getReportId()).toString();
        assertThat(driver.<String, Object>getKeyValueStore(ArticleProcessor.ARTICLES_STORE).get(oldArticle)).isNotNull();

        // When a record carries a time 70 minutes on and the purge runs
        final CorrespondentReport later = report("samir", ReportKind.NEW, null, "إغلاق طريق دمشق بيروت", "أغلقت السلطات طريق دمشق بيروت بسبب الثلوج.", "وعلقت مئات الشاحنات عند المعبر.");
        reports.pipeInput(later.getReportId().toString(), later, t0 + Duration.ofMinutes(70).toMillis());
        driver.advanceWallClockTime(Duration.ofMinutes(1));

        // Then the article untouched for over an hour is gone with its report; the updated one stays
        final KeyValueStore<String, Object> articles = driver.getKeyValueStore(ArticleProcessor.ARTICLES_STORE);
        final KeyValueStore<String, Object> memories = driver.getKeyValueStore(ArticleProcessor.REPORTS_STORE);
        assertThat(articles.get(oldArticle)).isNull();
        assertThat(memories.get(old.getReportId().toString())).isNull();
        assertThat(articles.get(liveArticle)).isNotNull();
        // (the live article's first report was filed 70 minutes before, but lives as long as its article)
        assertThat(memories.get(live.getReportId().toString())).isNotNull();
        assertThat(memories.get(liveUpdate.getReportId().toString())).isNotNull();
        // and the index holds one entry per kept article (its last version), nothing for what went
        assertThat(count(driver.getKeyValueStore(ArticleProcessor.RETENTION_STORE))).isEqualTo(count(articles)).isEqualTo(2);

        // and a resend of a kept report's exact text is still known as its duplicate (the index derived from the
        // reports store), while one of the forgotten report's text starts a new article
        statuses.readValuesToList();
        pipe(report("samir", ReportKind.NEW, null, later.getHeadline().toString(), later.getBody().get(0).toString(), later.getBody().get(1).toString()));
        assertThat(statuses.readValue().getState()).isEqualTo(ReportState.DUPLICATE);
        pipe(report("samir", ReportKind.NEW, null, old.getHeadline().toString(), old.getBody().get(0).toString(), old.getBody().get(1).toString()));
        assertThat(statuses.readValue()).satisfies(status -> {
            assertThat(status.getState()).isEqualTo(ReportState.PROCESSED);
            assertThat(status.getArticleVersion()).isEqualTo(1);
        });

        // and a correction of the forgotten report now waits for it, as for any report processing does not know
        statuses.readValuesToList();
        pipe(report("reem", ReportKind.CORRECTION, old.getReportId(), "تصحيح", "نص مصحح.", "فقرة."));
        assertThat(statuses.readValue().getReason()).contains("waiting for report " + old.getReportId());
    }

    @Test
    void shouldCountEachDecisionOfTheArticlesStepByOutcomeAndEachVersionBySignal() {
        // Given a report, a reworded copy by another correspondent, an exact resend, the same text under another id, a
        // correction, a correction of a report not seen yet, another correspondent's correction, and a withdrawal
        final CorrespondentReport first = displacementReport();
        final CorrespondentReport second = displacementRewordedBySamir();
        final CorrespondentReport copy = CorrespondentReport.newBuilder(first).setReportId(UUID.randomUUID()).setCorrespondentId("samir").build();

        // When they are processed
        pipe(first);
        pipe(second);
        pipe(first);
        pipe(copy);
        pipe(report("reem", ReportKind.CORRECTION, first.getReportId(), "نزوح نحو 80 عائلة", "نزحت نحو 80 عائلة.", "فقرة."));
        pipe(report("reem", ReportKind.CORRECTION, UUID.randomUUID(), "تصحيح لخبر لم يصل", "نص.", "فقرة."));
        pipe(report("samir", ReportKind.CORRECTION, first.getReportId(), "تصحيح", "نص.", "فقرة."));
        pipe(report("reem", ReportKind.WITHDRAWAL, first.getReportId(), "سحب الخبر", "سحب الخبر.", "-"));

        // Then each decision is counted once under its outcome, each version under its signal, each record per step
        assertThat(updates.readValuesToList()).hasSize(4);
        for (final String outcome : List.of("new-article", "corroboration", "retry", "duplicate", "correction", "waiting", "refused", "withdrawal")) {
            assertThat(count(ProcessingMetrics.DEDUP_OUTCOMES, ProcessingMetrics.OUTCOME_TAG, outcome)).as(outcome).isEqualTo(1);
        }
        assertThat(count(ProcessingMetrics.DEDUP_OUTCOMES, ProcessingMetrics.OUTCOME_TAG, "update")).isZero();
        assertThat(count(ProcessingMetrics.DEDUP_OUTCOMES, ProcessingMetrics.OUTCOME_TAG, "refile")).isZero();
        for (final String signal : List.of("new", "update", "correction", "withdrawal")) {
            assertThat(count(ProcessingMetrics.ARTICLE_VERSIONS, ProcessingMetrics.SIGNAL_TAG, signal)).as(signal).isEqualTo(1);
        }
        for (final String step : List.of("validate", "normalize", "enrich", "articles")) {
            assertThat(count(ProcessingMetrics.RECORDS, ProcessingMetrics.STEP_TAG, step)).as(step).isEqualTo(8);
        }
        assertThat(meters.get(ProcessingMetrics.DEAD_LETTERS).tag(ProcessingMetrics.STAGE_TAG, "articles")
                .tag(ProcessingMetrics.REASON_TAG, "not-own-report").counter().count()).isEqualTo(1);
    }

    private double count(final String meter, final String tag, final String value) {
        return meters.get(meter).tag(tag, value).counter().count();
    }

    private static long count(final KeyValueStore<String, ?> store) {
        try (var all = store.all()) {
            long n = 0;
            for (; all.hasNext(); all.next()) {
                n++;
            }
            return n;
        }
    }

    private void pipe(final CorrespondentReport report) {
        reports.pipeInput(report.getReportId().toString(), report);
    }

    /** The story both the versions test and the meters test file: reem's report of a night of shelling... */
    private static CorrespondentReport displacementReport() {
        return report("reem", ReportKind.NEW, null,
                "نزوح عشرات العائلات من ريف حلب الجنوبي بعد قصف ليلي",
                "نزحت عشرات العائلات فجر اليوم من قرى تل الضمان والحاضر في ريف حلب الجنوبي بعد قصف مدفعي استمر حتى الصباح.",
                "ووصلت أكثر من ستين عائلة إلى مخيمات قرب الأتارب وسط نقص في الخيام.");
    }

    /** ... and samir's rewording of it: other words and figures, the same event. */
    private static CorrespondentReport displacementRewordedBySamir() {
        return report("samir", ReportKind.NEW, null,
                "عشرات العائلات تغادر قرى ريف حلب الجنوبي هرباً من القصف",
                "غادرت أكثر من 60 عائلة قرى الحاضر وتل الضمان جنوب حلب صباح اليوم إثر قصف مدفعي طوال الليل.",
                "وقال مراسلنا إن النازحين وصلوا إلى مخيمات الأتارب التي تعاني نقصاً في الخيام.");
    }

    private static CorrespondentReport report(final String correspondent, final ReportKind kind, final UUID refersTo, final String headline,
                                              final String... body) {
        final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return CorrespondentReport.newBuilder().setReportId(UUID.randomUUID()).setCorrespondentId(correspondent).setDesk("syria")
                .setLanguage("ar").setKind(kind).setRefersTo(refersTo).setHeadline(headline).setBody(List.of(body))
                .setFiledAt(now).setReceivedAt(now).setContentDigest(Integer.toHexString((headline + String.join("", body)).hashCode())).build();
    }
}
