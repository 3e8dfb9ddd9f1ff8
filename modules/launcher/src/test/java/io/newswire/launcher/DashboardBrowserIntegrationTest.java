package io.newswire.launcher;

import io.newswire.model.topics.Topics;
import io.newswire.testkit.NewswireStack;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import picocli.CommandLine;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard as an editor uses it, in a real headless Chromium (Debian's chromium and chromium-driver, which
 * {@code .ci/run} installs where missing) driven by Selenium, on the whole system that {@code newswire dev} runs
 * (against the shared test cluster): log in with a STAFF key, watch a report filed at the gateway arrive on the live
 * wire, see an alert fire on it, filter, open the article page (versions with changes, provenance, evidence, map), and
 * file a report whose headline is markup to prove it shows as text and runs nothing; then on the ops page, see a
 * garbage record's dead letter and replay it. Screenshots of the views go to
 * {@code target/screenshots/} (the README's are copies).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final String DRIVER = "/usr/bin/chromedriver";
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String INJECTION = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\"> قصف على <b>حلب</b>";

    private static DevCommand dev;
    private static CompletableFuture<Integer> exit;
    private static Path dataDir;
    private static Endpoints endpoints;
    private static String apiKey;
    private static String token;
    private static WebDriver browser;
    private static final UUID ORIGINAL = UUID.randomUUID();
    private static final String MARKER = "m" + ORIGINAL.toString().substring(0, 8);
    /** The injection report's own marker, not containing MARKER, so lookups of the Aleppo article never find it. */
    private static final String INJECTED = "i" + UUID.randomUUID().toString().substring(0, 8);
    private static final String ENGLISH = "e" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void startTheSystemAndTheBrowser() throws Exception {
        // On a machine with only a JDK there is no browser to drive: skip, saying so. CI (.ci/run) installs Chromium
        // and sets NEWSWIRE_REQUIRE_BROWSER, so there a missing browser fails instead of skipping.
        final boolean present = Files.isExecutable(Path.of(DRIVER)) && Files.isExecutable(Path.of(CHROMIUM));
        if (!present && System.getenv("NEWSWIRE_REQUIRE_BROWSER") != null) {
            throw new IllegalStateException("NEWSWIRE_REQUIRE_BROWSER is set but " + CHROMIUM + " or " + DRIVER + " is missing: "
                    + "install Debian's chromium and chromium-driver");
        }
        Assumptions.assumeTrue(present, "no Chromium here (" + CHROMIUM + ", " + DRIVER + "): install chromium and chromium-driver to run the browser test");
        final NewswireStack shared = NewswireStack.shared();
        dataDir = shared.newDir("dashboard-browser");
        dev = new DevCommand();
        exit = CompletableFuture.supplyAsync(() -> new CommandLine(dev).execute(
                "--bootstrap-servers", shared.bootstrapServers(), "--schema-registry-url", shared.schemaRegistryUrl(),
                "--data-dir", dataDir.toString(), "-D", "topics.replication.factor=1",
                "-D", "gateway.port=0", "-D", "metrics.port=0", "-D", "publisher.port=0", "-D", "alerter.port=0", "-D", "dashboard.port=0",
                "-D", "processing.application.id=dashboard-it-processing", "-D", "alerter.application.id=dashboard-it-alerter",
                "-D", "publisher.webhooks.enabled=false"));
        await().atMost(Duration.ofSeconds(180)).until(() -> dev.endpoints() != null || exit.isDone());
        assertThat(exit).as("dev running").isNotDone();
        endpoints = Endpoints.read(dataDir).orElseThrow();
        assertThat(endpoints.dashboard()).as("endpoints.json names the dashboard").startsWith("http://");

        final CommandRun key = CommandRun.of("apikeys", "add", "--id", "desk-" + MARKER, "--name", "Syria desk", "--data-dir", dataDir.toString());
        assertThat(key.exitCode()).as(key.err()).isZero();
        apiKey = key.out().lines().filter(l -> l.startsWith("nwk_")).findFirst().orElseThrow();
        final CommandRun correspondent = CommandRun.of("correspondents", "add", "--id", "reem-" + MARKER, "--name", "Reem Haddad",
                "--desk", "syria", "--data-dir", dataDir.toString());
        assertThat(correspondent.exitCode()).as(correspondent.err()).isZero();
        token = correspondent.out().trim();
        final CommandRun rule = CommandRun.of("alerts", "rules", "add", "--id", "atarib-" + MARKER, "--desk", "syria",
                "--term", "الأتارب", "--data-dir", dataDir.toString());
        assertThat(rule.exitCode()).as(rule.err()).isZero();

        Files.createDirectories(SHOTS);
        browser = chromium();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (dev != null) {
            dev.stop();
            assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
        }
    }

    @Test
    @Order(1)
    void shouldAskForALoginAndRefuseDataWithoutOne() throws Exception {
        // Given no session, When the wire is opened, Then the login page is shown and the API gives nothing
        browser.get(endpoints.dashboard() + "/");
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlContains("/login.html"));
        final HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(URI.create(endpoints.dashboard() + "/api/articles")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("headline");
        final String csp = HTTP.send(HttpRequest.newBuilder(URI.create(endpoints.dashboard() + "/")).build(), HttpResponse.BodyHandlers.ofString())
                .headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");

        // When a wrong key is offered, Then the page says so
        browser.findElement(By.name("apiKey")).sendKeys("nwk_not-a-key");
        browser.findElement(By.cssSelector("#login button")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textMatches(By.id("error"), java.util.regex.Pattern.compile("not valid")));
        shot("login");

        // When the STAFF key is offered, Then the live wire opens and connects
        browser.findElement(By.name("apiKey")).clear();
        browser.findElement(By.name("apiKey")).sendKeys(apiKey);
        browser.findElement(By.cssSelector("#login button")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));
        assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("Syria desk");
    }

    @Test
    @Order(2)
    void shouldShowAFiledReportLiveWithItsAlert() throws Exception {
        // Given the wire is open and live (test 1)
        // When a report is filed at the gateway
        file(ORIGINAL, "NEW", null, "نزوح عائلات من قرى ريف حلب الجنوبي " + MARKER,
                "نزحت نحو 60 عائلة فجر اليوم من قرى في ريف حلب الجنوبي بعد قصف مدفعي، ووصلت إلى مخيمات قرب بلدة الأتارب بحسب مراسلنا.");

        // Then it appears on the wire without a reload, with desk, language, places and its alert
        final WebElement row = new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//li[contains(@class,'article')][.//h3[contains(., '" + MARKER + "')]]")));
        assertThat(row.getAttribute("data-signal")).isEqualTo("NEW");
        assertThat(row.getText()).contains("syria").contains("ar").contains("حلب");
        assertThat(row.findElements(By.cssSelector(".chip-place"))).isNotEmpty();
        assertThat(row.getAttribute("dir")).as("an Arabic row reads right to left").isEqualTo("rtl");
        assertThat(row.findElement(By.cssSelector("h3 a")).getAttribute("dir")).isEqualTo("auto");
        new WebDriverWait(browser, WAIT).until(d -> d.findElements(By.xpath("//ol[@id='alerts']/li[contains(., '" + MARKER + "')]")).size() > 0);
        new WebDriverWait(browser, WAIT).until(d -> row(MARKER).getAttribute("class").contains("alerted"));

        // When a correction follows, Then the same row moves to version 2
        file(UUID.randomUUID(), "CORRECTION", ORIGINAL, "نزوح نحو 80 عائلة من قرى ريف حلب الجنوبي " + MARKER,
                "نزحت نحو 80 عائلة، لا 60، فجر اليوم من قرى في ريف حلب الجنوبي بعد قصف مدفعي، ووصلت إلى مخيمات قرب بلدة الأتارب بحسب مراسلنا.");
        new WebDriverWait(browser, WAIT).until(d -> "CORRECTION".equals(row(MARKER).getAttribute("data-signal")));
        assertThat(browser.findElements(By.xpath("//li[contains(@class,'article')][.//h3[contains(., '" + MARKER + "')]]"))).hasSize(1);
    }

    @Test
    @Order(3)
    void shouldShowMarkupInAReportAsTextAndRunNothing() throws Exception {
        // Given an English report on the wire too, and a report whose headline and body are markup with a script and an
        // onerror handler
        file(UUID.randomUUID(), "NEW", null, "en", "Water cut to eastern Deir ez-Zor neighbourhoods for a third day " + ENGLISH,
                "Residents of three eastern neighbourhoods of Deir ez-Zor have had no mains water since Sunday, the local council said.");
        file(UUID.randomUUID(), "NEW", null, INJECTION + " " + INJECTED, "<img src=x onerror=\"window.__pwned=3\"> نص التقرير عن " + INJECTED);

        // Then it arrives as text, the literal tags visible, and nothing ran or was parsed into elements
        new WebDriverWait(browser, WAIT).until(d -> !d.findElements(By.xpath("//h3[contains(., '" + INJECTED + "')]")).isEmpty());
        final WebElement headline = browser.findElement(By.xpath("//h3[contains(., '" + INJECTED + "')]"));
        assertThat(headline.getText()).contains("<script>window.__pwned=1</script>").contains("<b>حلب</b>");
        assertThat(headline.findElements(By.cssSelector("img, script, b"))).isEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__pwned === undefined")).isEqualTo(true);
        new WebDriverWait(browser, WAIT).until(d -> !d.findElements(By.xpath("//h3[contains(., '" + ENGLISH + "')]")).isEmpty());
        assertThat(row(ENGLISH).getAttribute("dir")).isEqualTo("ltr");
        shot("wire");

        // and its article page shows it as text too
        headline.findElement(By.tagName("a")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("article")));
        assertThat(browser.findElement(By.id("headline")).getText()).contains("<script>");
        assertThat(browser.findElements(By.cssSelector("#article img, #article script"))).isEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__pwned === undefined")).isEqualTo(true);
        browser.navigate().back();
    }

    @Test
    @Order(4)
    void shouldFilterAndKeepTheFilterInTheAddress() {
        // Given the wire with the Arabic article on it
        browser.get(endpoints.dashboard() + "/");
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));
        new WebDriverWait(browser, WAIT).until(d -> !d.findElements(By.xpath("//h3[contains(., '" + MARKER + "')]")).isEmpty());

        // When an editor filters on a language the article is not in
        new Select(browser.findElement(By.name("language"))).selectByValue("en");
        browser.findElement(By.cssSelector("#filters button[type=submit]")).click();

        // Then the address carries the filter, the Arabic article is gone from the wire and the English one stays
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlContains("language=en"));
        new WebDriverWait(browser, WAIT).until(d -> d.findElements(By.xpath("//h3[contains(., '" + MARKER + "')]")).isEmpty());
        assertThat(browser.findElements(By.xpath("//h3[contains(., '" + ENGLISH + "')]"))).hasSize(1);

        // When the view is opened from its address with free text in another spelling (no hamza, ة as ه: نزوح عائلات)
        browser.get(endpoints.dashboard() + "/?q=" + java.net.URLEncoder.encode("الاتارب", StandardCharsets.UTF_8));
        // Then the article is found on its normalised text, and the form shows the filter
        new WebDriverWait(browser, WAIT).until(d -> !d.findElements(By.xpath("//h3[contains(., '" + MARKER + "')]")).isEmpty());
        assertThat(browser.findElement(By.name("q")).getAttribute("value")).isEqualTo("الاتارب");
        assertThat(browser.findElements(By.xpath("//h3[contains(., '" + ENGLISH + "')]"))).isEmpty();
        shot("filtered");
    }

    @Test
    @Order(5)
    void shouldShowVersionsProvenanceEvidenceAndAMapOnTheArticlePage() {
        // When the corrected article is opened from the wire
        row(MARKER).findElement(By.cssSelector("h3 a")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("article")));

        // Then both versions are there, the correction's changes marked word by word
        final List<WebElement> versions = browser.findElements(By.cssSelector("#versions .version"));
        assertThat(versions).hasSize(2);
        assertThat(texts("#versions .version[data-version='2'] ins")).contains("80");
        assertThat(texts("#versions .version[data-version='2'] del")).contains("60");
        // its provenance: the origin and the correction, by the correspondent
        assertThat(browser.findElements(By.cssSelector("#provenance tr"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(browser.findElement(By.id("provenance")).getText()).contains("reem-" + MARKER).contains("CORRECTION");
        // the evidence of its places highlighted in the text, and the places on a map
        assertThat(browser.findElements(By.cssSelector("#evidence mark.ev-place"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("#evidence mark.ev-place")).getAttribute("title")).startsWith("place: ");
        assertThat(browser.findElements(By.cssSelector("#map svg .place circle"))).isNotEmpty();
        assertThat(browser.findElement(By.id("headline")).getAttribute("dir")).isEqualTo("auto");
        shot("article");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('h-versions').scrollIntoView()");
        shot("versions");
    }

    private static String texts(final String css) {
        return String.join(" ", browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList());
    }

    @Test
    @Order(6)
    void shouldShowAGarbageRecordOnTheOpsPageAndReplayItFromThere() throws Exception {
        // Given a record on the reports topic that is not a report at all
        final String garbage = "not a report " + MARKER;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(NewswireStack.shared().producerConfig(), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.REPORTS.name(), MARKER.getBytes(StandardCharsets.UTF_8),
                    garbage.getBytes(StandardCharsets.UTF_8))).get(10, TimeUnit.SECONDS);
        }

        // When the ops page is opened, Then the dead letter is listed with its stage, reason and original text
        browser.get(endpoints.dashboard() + "/ops.html");
        final By deadLetter = By.xpath("//tbody[@id='dead-letters']/tr[contains(., '" + garbage + "')][not(contains(., 'from the replay'))]");
        // (the page refreshes itself every 10 s)
        final WebElement row = new WebDriverWait(browser, WAIT).pollingEvery(Duration.ofSeconds(1)).until(d -> {
            final List<WebElement> rows = d.findElements(deadLetter);
            return rows.isEmpty() ? null : rows.get(0);
        });
        assertThat(row.getText()).contains("deserialize").contains(Topics.REPORTS.name());
        assertThat(browser.findElements(By.cssSelector("#charts .spark"))).hasSize(4);

        // When it is replayed from the page, Then the replay is recorded, and as it fails again (garbage stays garbage)
        // a new dead letter names the one it replayed, and the first is marked replayed
        final String id = row.getAttribute("data-dead-letter");
        row.findElement(By.cssSelector("button.replay")).click();
        new WebDriverWait(browser, WAIT).until(d -> d.findElement(By.cssSelector("tr[data-dead-letter='" + id + "'] button.replay")).getText()
                .startsWith("replayed to " + Topics.REPORTS.name()));
        // (the page refreshes itself every 10 s)
        new WebDriverWait(browser, WAIT).pollingEvery(Duration.ofSeconds(1)).until(d ->
                !d.findElements(By.xpath("//tbody[@id='dead-letters']/tr[contains(., 'from the replay of " + id + "')]")).isEmpty()
                        && d.findElement(By.cssSelector("tr[data-dead-letter='" + id + "']")).getText().contains("replayed"));
        shot("ops");
    }

    private static WebElement row(final String marker) {
        return browser.findElement(By.xpath("//li[contains(@class,'article')][.//h3[contains(., '" + marker + "')]]"));
    }

    private static void file(final UUID reportId, final String kind, final UUID refersTo, final String headline, final String body) throws Exception {
        file(reportId, kind, refersTo, "ar", headline, body);
    }

    private static void file(final UUID reportId, final String kind, final UUID refersTo, final String language, final String headline,
                             final String body) throws Exception {
        final String json = "{\"reportId\":\"" + reportId + "\",\"kind\":\"" + kind + "\","
                + (refersTo == null ? "" : "\"refersTo\":\"" + refersTo + "\",")
                + "\"language\":\"" + language + "\",\"desk\":\"syria\",\"headline\":" + quote(headline) + ",\"dateline\":"
                + quote("ar".equals(language) ? "ريف حلب الجنوبي" : "DEIR EZ-ZOR") + ","
                + "\"body\":[" + quote(body) + "],\"byline\":{\"name\":\"ريم حداد\",\"bio\":\"مراسلة في حلب\"}}";
        final HttpResponse<String>[] last = new HttpResponse[1];
        // the gateway's directory may need a moment to see the new token
        await().atMost(WAIT).until(() -> {
            last[0] = HTTP.send(HttpRequest.newBuilder(URI.create(endpoints.gateway() + "/v1/reports"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
            return last[0].statusCode() != 401;
        });
        assertThat(last[0].statusCode()).as(last[0].body()).isEqualTo(202);
    }

    private static String quote(final String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void shot(final String name) {
        try {
            final File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(png.toPath(), SHOTS.resolve("dashboard-" + name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (final IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Debian's Chromium and its driver, headless; no download (Selenium Manager is never asked: both paths are given). */
    private static WebDriver chromium() {
        final ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=en");
        final ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).build();
        final ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return chrome;
    }
}
