package io.newswire.enrichment.text;

import io.newswire.model.CorrespondentReport;
import io.newswire.model.MediaItem;

import java.util.ArrayList;
import java.util.List;

/**
 * The texts of one report that enrichment reads, each under the field name {@link io.newswire.model.Evidence}
 * records: headline, subheadline, dateline, body (paragraphs joined with a newline, so offsets match the Evidence
 * doc), caption (one field per media caption, "caption" for the first, "caption.2" for the second...) and bio.
 * The byline name is left out on purpose: a correspondent called "حلب" must not become a place.
 *
 * @param fields in reading order; never null, possibly empty
 */
public record ReportText(List<Field> fields) {

    public static final String HEADLINE = "headline";
    public static final String SUBHEADLINE = "subheadline";
    public static final String DATELINE = "dateline";
    public static final String BODY = "body";
    public static final String CAPTION = "caption";
    public static final String BIO = "bio";

    /** One field's text as written. */
    public record Field(String name, String text) {
    }

    public ReportText {
        fields = List.copyOf(fields);
    }

    public static ReportText of(final CorrespondentReport report) {
        final List<Field> fields = new ArrayList<>();
        add(fields, HEADLINE, report.getHeadline());
        add(fields, SUBHEADLINE, report.getSubheadline());
        add(fields, DATELINE, report.getDateline());
        add(fields, BODY, String.join("\n", report.getBody()));
        int caption = 0;
        for (final MediaItem media : report.getMedia()) {
            if (media.getCaption() != null && !media.getCaption().isBlank()) {
                caption++;
                add(fields, caption == 1 ? CAPTION : CAPTION + "." + caption, media.getCaption());
            }
        }
        if (report.getByline() != null) {
            add(fields, BIO, report.getByline().getBio());
        }
        return new ReportText(fields);
    }

    /** The text of a field, or "" when the report has none. */
    public String text(final String name) {
        for (final Field field : fields) {
            if (field.name().equals(name)) {
                return field.text();
            }
        }
        return "";
    }

    private static void add(final List<Field> fields, final String name, final String text) {
        if (text != null && !text.isBlank()) {
            fields.add(new Field(name, text));
        }
    }
}
