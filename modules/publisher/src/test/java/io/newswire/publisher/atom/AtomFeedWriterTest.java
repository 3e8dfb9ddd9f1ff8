package io.newswire.publisher.atom;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.newswire.model.ArticleUpdate;
import io.newswire.model.Signal;
import io.newswire.publisher.Articles;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AtomFeedWriterTest {

    private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");
    private static final AtomFeedWriter.Feed FEED = new AtomFeedWriter.Feed("urn:newswire:feed:desk=syria", "Newswire: syria desk",
            "http://127.0.0.1:8090/v1/feeds/desks/syria.atom", null);

    private static SyndFeed parse(final byte[] feed) throws Exception {
        return new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(feed)));
    }

    private static Document dom(final byte[] feed) throws Exception {
        final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(feed));
    }

    @Test
    void shouldBeReadByAFeedParserWithOneEntryPerArticleWhenWritten() throws Exception {
        final ArticleUpdate arabic = Articles.arabic(UUID.randomUUID(), T0);
        final ArticleUpdate english = Articles.english(UUID.randomUUID(), T0.plusSeconds(60));

        final SyndFeed feed = parse(AtomFeedWriter.write(FEED, List.of(english, arabic), T0));

        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getTitle()).isEqualTo("Newswire: syria desk");
        assertThat(feed.getEntries()).extracting(SyndEntry::getUri)
                .containsExactly("urn:newswire:article:" + english.getArticleId(), "urn:newswire:article:" + arabic.getArticleId());
        final SyndEntry arabicEntry = feed.getEntries().get(1);
        assertThat(arabicEntry.getContents().get(0).getValue()).contains(arabic.getBody().get(0));
        assertThat(arabicEntry.getAuthors().get(0).getName()).isEqualTo("ريم حداد");
        assertThat(arabicEntry.getLink()).isEqualTo("http://127.0.0.1:8090/v1/articles/" + arabic.getArticleId());
        assertThat(arabicEntry.getCategories()).extracting(c -> c.getName()).contains("syria", "medtop:16000000");
    }

    @Test
    void shouldMarkArabicRightToLeftWhenWritingItsEntry() throws Exception {
        final ArticleUpdate arabic = Articles.arabic(UUID.randomUUID(), T0);
        final Document doc = dom(AtomFeedWriter.write(FEED, List.of(arabic), T0));

        final Element feed = doc.getDocumentElement();
        assertThat(feed.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang")).as("one language: the feed's").isEqualTo("ar");
        final Element entry = (Element) feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").item(0);
        assertThat(entry.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang")).isEqualTo("ar");
        final Element titleDiv = (Element) ((Element) entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title").item(0))
                .getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "div").item(0);
        assertThat(titleDiv.getAttribute("dir")).isEqualTo("rtl");
        assertThat(titleDiv.getTextContent()).isEqualTo(arabic.getHeadline());
        final Element contentDiv = (Element) ((Element) entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "content").item(0))
                .getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "div").item(0);
        assertThat(contentDiv.getAttribute("dir")).isEqualTo("rtl");
        assertThat(contentDiv.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "p").getLength()).isEqualTo(2);
    }

    @Test
    void shouldLeaveAWithdrawnArticleOutAndUpdateACorrectedOneWhenWritten() throws Exception {
        final ArticleUpdate kept = Articles.arabic(UUID.randomUUID(), T0);
        final ArticleUpdate corrected = Articles.next(kept, Signal.CORRECTION, T0.plusSeconds(300));
        final ArticleUpdate withdrawn = Articles.next(Articles.english(UUID.randomUUID(), T0), Signal.WITHDRAWAL, T0.plusSeconds(600));

        final SyndFeed feed = parse(AtomFeedWriter.write(FEED, List.of(withdrawn, corrected), T0));

        assertThat(feed.getEntries()).hasSize(1);
        assertThat(feed.getEntries().get(0).getUri()).isEqualTo("urn:newswire:article:" + kept.getArticleId());
        assertThat(feed.getEntries().get(0).getUpdatedDate().toInstant()).isEqualTo(T0.plusSeconds(300));
    }

    @Test
    void shouldMarkEnglishLeftToRightAndLeaveTheFeedLanguageOpenWhenMixed() throws Exception {
        final Document doc = dom(AtomFeedWriter.write(FEED, List.of(Articles.english(UUID.randomUUID(), T0), Articles.arabic(UUID.randomUUID(), T0)), T0));
        assertThat(doc.getDocumentElement().hasAttributeNS("http://www.w3.org/XML/1998/namespace", "lang")).isFalse();
        final Element div = (Element) doc.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "div").item(0);
        assertThat(div.getAttribute("dir")).isEqualTo("ltr");
        assertThat(new String(AtomFeedWriter.write(FEED, List.of(), T0))).contains("<updated>2026-12-03T08:00:00Z</updated>");
    }
}
