package io.newswire.publisher.atom;

import io.newswire.model.ArticleUpdate;
import io.newswire.model.Byline;
import io.newswire.model.PubStatus;
import io.newswire.model.Subject;
import io.newswire.model.TextDirection;
import io.newswire.publisher.embargo.Embargo;
import io.newswire.publisher.ninjs.NinjsRenderer;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * An Atom feed (RFC 4287) of article versions: the pure core of the publisher's feeds.
 *
 * <p>Rules: one entry per article (its latest visible version), its id the article's ninjs URI, so a new version
 * updates the entry (same id, later {@code updated}) instead of adding one; a canceled (withdrawn) article is never
 * written, whatever the caller passes. Language and direction: the feed carries {@code xml:lang} when all entries
 * share a language, each entry its own {@code xml:lang}; Atom has no direction attribute, so title, summary and
 * content are XHTML ({@code type="xhtml"}) whose {@code div} carries {@code dir="rtl"} (or ltr) and {@code lang},
 * which is how feed readers learn to show Arabic right to left. {@code updated} is the version's publication time
 * (an embargoed article's is the end of its embargo).
 */
public final class AtomFeedWriter {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final String XML = "http://www.w3.org/XML/1998/namespace";
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    /**
     * What the feed says of itself.
     *
     * @param id       a stable URI for this feed (the same filter gives the same id)
     * @param title    for people, e.g. "Newswire: syria desk"
     * @param selfUrl  where the feed is fetched, for the {@code rel="self"} link
     * @param language the feed's language when it is one (a filter on one language). May be null
     */
    public record Feed(String id, String title, String selfUrl, String language) {
    }

    private AtomFeedWriter() {
    }

    /**
     * The feed document.
     *
     * @param articles the latest versions to show, newest first; canceled ones are left out
     * @param now      the feed's {@code updated} when there is no entry
     */
    public static byte[] write(final Feed feed, final List<ArticleUpdate> articles, final Instant now) {
        final List<ArticleUpdate> shown = articles.stream().filter(a -> a.getPubStatus() != PubStatus.CANCELED).toList();
        final ByteArrayOutputStream out = new ByteArrayOutputStream(4096 + shown.size() * 2048);
        try {
            final XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(ATOM);
            xml.writeStartElement(ATOM, "feed");
            xml.writeDefaultNamespace(ATOM);
            final String language = feed.language() != null ? feed.language() : commonLanguage(shown);
            if (language != null) {
                xml.writeAttribute("xml", XML, "lang", language);
            }
            text(xml, "id", feed.id());
            text(xml, "title", feed.title());
            text(xml, "updated", iso(shown.isEmpty() ? now : shown.stream().map(Embargo::publicationTime).max(Instant::compareTo).orElse(now)));
            xml.writeEmptyElement(ATOM, "link");
            xml.writeAttribute("rel", "self");
            xml.writeAttribute("type", "application/atom+xml");
            xml.writeAttribute("href", feed.selfUrl());
            xml.writeStartElement(ATOM, "author");
            text(xml, "name", "Newswire");
            xml.writeEndElement();
            text(xml, "generator", "Newswire publisher");
            // entry links are absolute (feed readers resolve relative ones inconsistently): the API's base is the self URL's
            final int api = feed.selfUrl().indexOf("/v1/");
            final String base = api < 0 ? "" : feed.selfUrl().substring(0, api);
            for (final ArticleUpdate article : shown) {
                entry(xml, article, base);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (final XMLStreamException e) {
            throw new IllegalStateException("Cannot write the Atom feed " + feed.id(), e);
        }
        return out.toByteArray();
    }

    private static void entry(final XMLStreamWriter xml, final ArticleUpdate article, final String base) throws XMLStreamException {
        final String lang = article.getLanguage();
        final String dir = direction(article);
        xml.writeStartElement(ATOM, "entry");
        xml.writeAttribute("xml", XML, "lang", lang);
        text(xml, "id", NinjsRenderer.uri(article));
        xhtml(xml, "title", dir, lang, List.of(article.getHeadline()));
        text(xml, "updated", iso(Embargo.publicationTime(article)));
        text(xml, "published", iso(article.getFirstCreated()));
        for (final Byline byline : article.getBylines()) {
            xml.writeStartElement(ATOM, "author");
            text(xml, "name", byline.getName());
            xml.writeEndElement();
        }
        if (article.getBylines().isEmpty()) {
            xml.writeStartElement(ATOM, "author");
            text(xml, "name", "Newswire");
            xml.writeEndElement();
        }
        xml.writeEmptyElement(ATOM, "link");
        xml.writeAttribute("rel", "alternate");
        xml.writeAttribute("type", "application/json");
        xml.writeAttribute("href", base + "/v1/articles/" + article.getArticleId());
        if (article.getDesk() != null) {
            category(xml, article.getDesk(), "urn:newswire:desk", "desk " + article.getDesk());
        }
        if (article.getEnrichment() != null) {
            for (final Subject subject : article.getEnrichment().getSubjects()) {
                category(xml, subject.getCode(), "http://cv.iptc.org/newscodes/mediatopic/", subject.getName());
            }
        }
        if (article.getSubheadline() != null && !article.getSubheadline().isBlank()) {
            xhtml(xml, "summary", dir, lang, List.of(article.getSubheadline()));
        }
        xhtml(xml, "content", dir, lang, article.getBody());
        xml.writeEndElement();
    }

    private static void category(final XMLStreamWriter xml, final String term, final String scheme, final String label) throws XMLStreamException {
        xml.writeEmptyElement(ATOM, "category");
        xml.writeAttribute("term", term);
        xml.writeAttribute("scheme", scheme);
        xml.writeAttribute("label", label);
    }

    /** An Atom text construct in XHTML: one div carrying direction and language, one p per paragraph. */
    private static void xhtml(final XMLStreamWriter xml, final String element, final String dir, final String lang,
                              final List<String> paragraphs) throws XMLStreamException {
        xml.writeStartElement(ATOM, element);
        xml.writeAttribute("type", "xhtml");
        xml.writeStartElement("", "div", XHTML);
        xml.writeDefaultNamespace(XHTML);
        xml.writeAttribute("dir", dir);
        xml.writeAttribute("lang", lang);
        if (paragraphs.size() == 1 && !"content".equals(element)) {
            xml.writeCharacters(paragraphs.get(0));
        } else {
            for (final String paragraph : paragraphs) {
                xml.writeStartElement("", "p", XHTML);
                xml.writeCharacters(paragraph);
                xml.writeEndElement();
            }
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static String direction(final ArticleUpdate article) {
        final TextDirection direction = article.getEnrichment() != null && article.getEnrichment().getDirection() != null
                ? article.getEnrichment().getDirection()
                : NinjsRenderer.isRtlLanguage(article.getLanguage()) ? TextDirection.RTL : TextDirection.LTR;
        return direction.name().toLowerCase(Locale.ROOT);
    }

    private static String commonLanguage(final List<ArticleUpdate> articles) {
        final List<String> languages = articles.stream().map(ArticleUpdate::getLanguage).distinct().toList();
        return languages.size() == 1 ? languages.get(0) : null;
    }

    private static void text(final XMLStreamWriter xml, final String element, final String value) throws XMLStreamException {
        xml.writeStartElement(ATOM, element);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static String iso(final Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The feed's bytes as text, for logs and tests. */
    public static String asText(final byte[] feed) {
        return new String(feed, StandardCharsets.UTF_8);
    }
}
