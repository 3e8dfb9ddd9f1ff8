package io.newswire.enrichment.text;

import java.util.ArrayList;
import java.util.List;

/** Reports for the steps' tests, built from the fields a test cares about. */
public final class ReportTexts {

    private ReportTexts() {
    }

    /** A report of a headline and a body; a null one is left out (an empty one is kept, as a report can carry it). */
    public static ReportText report(final String headline, final String body) {
        final List<ReportText.Field> fields = new ArrayList<>();
        if (headline != null) {
            fields.add(new ReportText.Field(ReportText.HEADLINE, headline));
        }
        if (body != null) {
            fields.add(new ReportText.Field(ReportText.BODY, body));
        }
        return new ReportText(fields);
    }
}
