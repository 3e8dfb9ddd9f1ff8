package io.newswire.bench;

import io.newswire.model.CorrespondentReport;
import io.newswire.model.ReportKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A synthetic wire for benchmarks: mostly new stories, some updates of a correspondent's recent report, some
 * rewordings of a recent story by another correspondent (near-duplicates), words drawn Zipf-like as in text. Words
 * are spelled in Latin ("w1f") or in Arabic letters, so the Arabic analysis chain does its real work.
 */
final class SyntheticWire {

    /** How words are spelled. */
    enum Script { LATIN, ARABIC }

    private static final int CORRESPONDENTS = 24;
    private static final String ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";

    private final Random random;
    private final long stepMillis;
    private final int desks;
    private final int vocabulary;
    private final int words;
    private final Script script;
    private final List<CorrespondentReport> recent = new ArrayList<>();
    private long time;

    /**
     * @param stepMillis  time between two reports (their filedAt and receivedAt)
     * @param desks       desks the new stories are spread over ("desk-0" ...)
     * @param vocabulary  distinct words
     * @param words       words in a new story's body
     */
    SyntheticWire(final Random random, final long startMillis, final long stepMillis, final int desks, final int vocabulary,
                  final int words, final Script script) {
        this.random = random;
        this.time = startMillis;
        this.stepMillis = stepMillis;
        this.desks = desks;
        this.vocabulary = vocabulary;
        this.words = words;
        this.script = script;
    }

    /** The next report: 10 % updates of a recent report, 10 % rewordings of a recent story, the rest new stories. */
    CorrespondentReport next() {
        time += stepMillis;
        final java.time.Instant at = java.time.Instant.ofEpochMilli(time);
        final int kind = random.nextInt(10);
        final CorrespondentReport.Builder report = CorrespondentReport.newBuilder().setReportId(UUID.randomUUID())
                .setLanguage(script == Script.ARABIC ? "ar" : "en").setFiledAt(at).setReceivedAt(at);
        if (kind == 0 && !recent.isEmpty()) {
            final CorrespondentReport earlier = recent.get(random.nextInt(recent.size()));
            report.setKind(ReportKind.UPDATE).setRefersTo(earlier.getReportId()).setCorrespondentId(earlier.getCorrespondentId())
                    .setDesk(earlier.getDesk()).setHeadline(earlier.getHeadline()).setBody(List.of(earlier.getBody().get(0), words(30)));
        } else if (kind == 1 && !recent.isEmpty()) {
            final CorrespondentReport earlier = recent.get(random.nextInt(recent.size()));
            report.setKind(ReportKind.NEW).setCorrespondentId("c" + random.nextInt(CORRESPONDENTS)).setDesk(earlier.getDesk())
                    .setHeadline(earlier.getHeadline()).setBody(List.of(reword(earlier.getBody().get(0))));
        } else {
            report.setKind(ReportKind.NEW).setCorrespondentId("c" + random.nextInt(CORRESPONDENTS)).setDesk("desk-" + random.nextInt(desks))
                    .setHeadline(words(8)).setBody(List.of(words(words)));
        }
        final CorrespondentReport built = report.setContentDigest(Long.toHexString(random.nextLong())).build();
        if (built.getKind() == ReportKind.NEW) {
            recent.add(built);
            if (recent.size() > 200) {
                recent.remove(0);
            }
        }
        return built;
    }

    private String reword(final String text) {
        final String[] original = text.split(" ");
        final StringBuilder out = new StringBuilder();
        for (final String word : original) {
            out.append(out.length() == 0 ? "" : " ").append(random.nextInt(5) == 0 ? word() : word);
        }
        return out.toString();
    }

    private String words(final int count) {
        final StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(i == 0 ? "" : " ").append(word());
        }
        return out.toString();
    }

    /** Zipf-like: rank r drawn with probability about 1/r. */
    private String word() {
        final int rank = (int) Math.min(vocabulary - 1, Math.floor(Math.exp(random.nextDouble() * Math.log(vocabulary))));
        if (script == Script.LATIN) {
            return "w" + Integer.toString(rank, 36);
        }
        // three letters at least, so light stemming leaves distinct words distinct
        final StringBuilder word = new StringBuilder();
        int r = rank + ARABIC_LETTERS.length() * ARABIC_LETTERS.length();
        while (r > 0) {
            word.append(ARABIC_LETTERS.charAt(r % ARABIC_LETTERS.length()));
            r /= ARABIC_LETTERS.length();
        }
        return word.toString();
    }
}
