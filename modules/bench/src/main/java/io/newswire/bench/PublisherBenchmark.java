package io.newswire.bench;

import io.newswire.embedded.EmbeddedStack;
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
import io.newswire.model.topics.Topics;
import io.newswire.publisher.PublisherApp;
import io.newswire.publisher.filter.ArticleFilter;
import io.newswire.publisher.ninjs.NinjsRenderer;
import io.newswire.publisher.ninjs.NinjsVersion;
import io.newswire.publisher.state.ArticlePage;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.kafka.KafkaClientConfigs;
import io.newswire.runtime.kafka.TopicAdmin;
import io.newswire.runtime.metrics.NewswireMetrics;
import io.newswire.serde.NewswireSerdes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Articles per second from {@code newswire.articles.updates.v1} to ninjs documents, through the publisher as deployed:
 * an in-JVM KRaft broker and the registry (sharing the machine's 2 cores), topics and schemas as {@code newswire init}
 * makes them, auto-registration off.
 *
 * <ol>
 *   <li>Load: {@code articles} article versions (Arabic, enriched like processing's output: places, parties, subjects)
 *       are on the topic before the publisher starts; the time from start until its store holds them all gives the
 *       rate of reading and decoding the topic into local state; the heap after a GC, bytes per version.</li>
 *   <li>Live: {@code live} more versions are sent while it runs; the time from the first send until the store holds
 *       them all gives the following rate.</li>
 *   <li>Render: every held article's latest version rendered as ninjs 3.1 (and 2.2), documents/s and bytes/document,
 *       single-threaded, after a warm-up pass.</li>
 *   <li>API: the whole listing walked through {@code ArticleStore.list} a page of 100 at a time with a desk filter.</li>
 * </ol>
 * The combined figure is topic-to-ninjs: 1 / (1/load rate + 1/render rate).
 *
 * <p>Run: {@code modules/bench/run PublisherBenchmark 50000 10000}
 */
public final class PublisherBenchmark {

    private PublisherBenchmark() {
    }

    public static void main(final String[] args) throws Exception {
        final int articles = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        final int live = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        final Path root = Files.createTempDirectory("newswire-bench-publisher");
        try (EmbeddedStack stack = EmbeddedStack.temporary(root.resolve("stack")).start()) {
            final NewswireConfig config = NewswireConfig.load(null, Map.of(), Map.of(
                    NewswireConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                    NewswireConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.schemaRegistryUrl(),
                    NewswireConfig.DATA_DIR_CONFIG, root.resolve("data").toString(),
                    NewswireConfig.PUBLISHER_PORT_CONFIG, "0",
                    NewswireConfig.TOPIC_REPLICATION_FACTOR_CONFIG, "1"));
            try (Admin admin = Admin.create(KafkaClientConfigs.admin(config));
                 NewswireSerdes serdes = NewswireSerdes.fromConfig(config.serdeConfig())) {
                new TopicAdmin(admin, (short) 1, -1).ensure(Topics.everything());
                serdes.registerAll(Topics.all());
            }
            final Random random = new Random(7);
            try (NewswireSerdes serdes = NewswireSerdes.fromConfig(config.serdeConfig());
                 KafkaProducer<String, ArticleUpdate> producer = new KafkaProducer<>(
                         KafkaClientConfigs.durableProducer(config, "bench-producer", 120_000), new StringSerializer(),
                         serdes.<ArticleUpdate>valueSerde(Topics.ARTICLE_UPDATES).serializer())) {
                final AtomicLong bytes = new AtomicLong();
                for (int i = 0; i < articles; i++) {
                    send(producer, article(random, i), bytes);
                }
                producer.flush();
                System.out.printf(Locale.ROOT, "on the topic: %,d versions, %.1f KB each (Avro)%n", articles, bytes.get() / 1024.0 / articles);

                final NewswireMetrics metrics = new NewswireMetrics();
                final long loadStart = System.nanoTime();
                try (PublisherApp publisher = PublisherApp.start(config, metrics)) {
                    waitFor(publisher, articles);
                    final double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
                    final double loadRate = articles / loadSeconds;
                    System.gc();
                    Thread.sleep(500);
                    final long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                    System.out.printf(Locale.ROOT, "load:   %,d versions in %.2f s (start-up included) = %,.0f versions/s; heap after GC %.0f MB (%.1f KB/version, whole JVM incl. broker)%n",
                            articles, loadSeconds, loadRate, heap / 1e6, heap / 1024.0 / articles);

                    final long liveStart = System.nanoTime();
                    for (int i = articles; i < articles + live; i++) {
                        send(producer, article(random, i), bytes);
                    }
                    producer.flush();
                    waitFor(publisher, articles + live);
                    final double liveSeconds = (System.nanoTime() - liveStart) / 1e9;
                    System.out.printf(Locale.ROOT, "live:   %,d versions in %.2f s = %,.0f versions/s (send to held)%n", live, liveSeconds, live / liveSeconds);

                    final List<ArticleUpdate> all = new ArrayList<>();
                    ArticlePage page = publisher.store().list(ArticleFilter.ALL, null, 1000);
                    all.addAll(page.articles());
                    while (page.next() != null) {
                        page = publisher.store().list(ArticleFilter.ALL, page.next(), 1000);
                        all.addAll(page.articles());
                    }
                    render(all, NinjsVersion.V3_1); // warm-up
                    final double render3 = render(all, NinjsVersion.V3_1);
                    final double render2 = render(all, NinjsVersion.V2_2);
                    System.out.printf(Locale.ROOT, "topic to ninjs 3.1: %,.0f articles/s (1 / (1/load + 1/render))%n", 1 / (1 / loadRate + 1 / render3));
                    System.out.printf(Locale.ROOT, "ninjs 2.2 render: %,.0f documents/s%n", render2);

                    final ArticleFilter desk = ArticleFilter.parse(Map.of("desk", List.of("desk-3")));
                    final long listStart = System.nanoTime();
                    int listed = 0;
                    page = publisher.store().list(desk, null, 100);
                    listed += page.articles().size();
                    int pages = 1;
                    while (page.next() != null) {
                        page = publisher.store().list(desk, page.next(), 100);
                        listed += page.articles().size();
                        pages++;
                    }
                    final double listMs = (System.nanoTime() - listStart) / 1e6;
                    System.out.printf(Locale.ROOT, "list:   desk filter, %,d articles in %d pages of 100 over %,d held: %.1f ms (%.2f ms/page)%n",
                            listed, pages, all.size(), listMs, listMs / pages);
                }
                metrics.close();
            }
        }
    }

    private static double render(final List<ArticleUpdate> all, final NinjsVersion version) {
        final long start = System.nanoTime();
        long bytes = 0;
        for (final ArticleUpdate article : all) {
            bytes += NinjsRenderer.render(article, version).length;
        }
        final double seconds = (System.nanoTime() - start) / 1e9;
        final double rate = all.size() / seconds;
        System.out.printf(Locale.ROOT, "render: ninjs %s, %,d documents in %.2f s = %,.0f documents/s, %.1f KB each%n",
                version == NinjsVersion.V3_1 ? "3.1" : "2.2", all.size(), seconds, rate, bytes / 1024.0 / all.size());
        return rate;
    }

    private static void waitFor(final PublisherApp publisher, final long versions) throws InterruptedException {
        final long deadline = System.nanoTime() + 600_000_000_000L;
        while (publisher.store().versionCount() < versions) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Only " + publisher.store().versionCount() + " of " + versions + " versions held after 10 minutes");
            }
            Thread.sleep(20);
        }
    }

    private static void send(final KafkaProducer<String, ArticleUpdate> producer, final ArticleUpdate article, final AtomicLong bytes) {
        producer.send(new ProducerRecord<>(Topics.ARTICLE_UPDATES.name(), article.getArticleId().toString(), article), (metadata, error) -> {
            if (error != null) {
                throw new IllegalStateException(error);
            }
            bytes.addAndGet(metadata.serializedValueSize());
        });
    }

    private static final String[] WORDS = ("نزحت عشرات العائلات من قرى ريف حلب الجنوبي فجر اليوم بعد قصف مدفعي طال الأحياء السكنية "
            + "وقال ناشطون إن فرق الدفاع المدني انتشلت جثث ثلاثة مدنيين من تحت الأنقاض وأفادت مصادر محلية بانقطاع الكهرباء والمياه").split(" ");

    /** One version 1 of an enriched Arabic article, about 2 KB of text, on one of 6 desks, created in the last hour. */
    private static ArticleUpdate article(final Random random, final int i) {
        final UUID id = new UUID(random.nextLong(), random.nextLong());
        final Instant created = Instant.now().minusSeconds(3600).plusMillis(i);
        final List<String> body = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            final StringBuilder paragraph = new StringBuilder();
            for (int w = 0; w < 50; w++) {
                paragraph.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
            }
            body.add(paragraph.toString().strip() + ".");
        }
        final UUID report = new UUID(random.nextLong(), random.nextLong());
        final Enrichment enrichment = Enrichment.newBuilder().setMatchingHeadline("").setMatchingBody("")
                .setDirection(TextDirection.RTL)
                .setPlaces(List.of(Place.newBuilder().setId("geonames:170063").setName("حلب").setNameEn("Aleppo").setLatitude(36.2)
                        .setLongitude(37.16).setFeatureType("P.PPLA").setCountryCode("SY").setDateline(true).build()))
                .setEntities(List.of(Entity.newBuilder().setId("Q1065").setName("الأمم المتحدة").setType("agency").build()))
                .setSubjects(List.of(Subject.newBuilder().setCode("medtop:16000000").setName("conflict, war and peace").build()))
                .setUrgency(1 + random.nextInt(9)).build();
        return ArticleUpdate.newBuilder().setArticleId(id).setVersion(1).setSignal(Signal.NEW).setPubStatus(PubStatus.USABLE)
                .setLanguage("ar").setHeadline(WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " في ريف حلب")
                .setDateline("حلب").setBody(body).setBylines(List.of(new Byline("ريم حداد", null))).setUrgency(enrichment.getUrgency())
                .setEnrichment(enrichment).setTriggeringReportId(report)
                .setSources(List.of(ArticleSource.newBuilder().setReportId(report).setCorrespondentId("reem").setRole(SourceRole.ORIGIN).build()))
                .setFirstCreated(created).setVersionCreated(created).setDesk("desk-" + (i % 6)).build();
    }
}
