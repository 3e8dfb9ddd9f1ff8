package io.newswire.processing.dedup;

import io.newswire.enrichment.text.MatchingTextNormalizer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Number words as the digits another correspondent would write ("سبعة" and "7", "أربعين" and "40", "four" and
 * "4"): the same feature either way, so a rewording that spells a figure out still shares it. The words are taken
 * through the same normalising and stemming as report text, so they meet the features as they arrive.
 */
final class NumberWords {

    private static final Map<String, String> DIGITS = table();
    /** First words of the two-word numbers: only after one of these is a pair looked up (no string built per word). */
    private static final java.util.Set<String> PAIR_STARTS = DIGITS.keySet().stream()
            .filter(k -> k.indexOf(' ') > 0).map(k -> k.substring(0, k.indexOf(' '))).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private NumberWords() {
    }

    /** The feature, or the digits it names. */
    static String asDigits(final String feature) {
        return DIGITS.getOrDefault(feature, feature);
    }

    private static Map<String, String> table() {
        final Object[][] words = {
                {"1", "واحد", "واحدة", "one"}, {"2", "اثنان", "اثنين", "اثنتين", "two"}, {"3", "ثلاث", "ثلاثة", "three"},
                {"4", "أربع", "أربعة", "four"}, {"5", "خمس", "خمسة", "five"}, {"6", "ست", "ستة", "six"},
                {"7", "سبع", "سبعة", "seven"}, {"8", "ثماني", "ثمانية", "eight"}, {"9", "تسع", "تسعة", "nine"},
                {"10", "عشر", "عشرة", "ten"}, {"11", "أحد عشر", "eleven"}, {"12", "اثني عشر", "اثنا عشر", "twelve"},
                {"20", "عشرون", "عشرين", "twenty"}, {"30", "ثلاثون", "ثلاثين", "thirty"}, {"40", "أربعون", "أربعين", "forty"},
                {"50", "خمسون", "خمسين", "fifty"}, {"60", "ستون", "ستين", "sixty"}, {"70", "سبعون", "سبعين", "seventy"},
                {"80", "ثمانون", "ثمانين", "eighty"}, {"90", "تسعون", "تسعين", "ninety"},
                {"100", "مئة", "مائة", "hundred"}, {"200", "مئتان", "مئتين", "مائتين"}, {"300", "ثلاثمئة", "ثلاثمائة"},
                {"400", "أربعمئة", "أربعمائة"}, {"1000", "ألف", "آلاف", "thousand"}};
        final MatchingTextNormalizer normalizer = new MatchingTextNormalizer();
        final Map<String, String> table = new HashMap<>();
        for (final Object[] row : words) {
            for (int i = 1; i < row.length; i++) {
                final List<String> features = normalizer.features((String) row[i]);
                if (features.size() == 1) {
                    table.putIfAbsent(features.get(0), (String) row[0]);
                } else if (features.size() == 2) {
                    table.putIfAbsent(features.get(0) + " " + features.get(1), (String) row[0]);
                }
            }
        }
        return Map.copyOf(table);
    }

    /** Features with number words as digits; two-word numbers ("خمسة عشر") become one feature. */
    static List<String> inDigits(final List<String> features) {
        final java.util.ArrayList<String> out = new java.util.ArrayList<>(features.size());
        for (int i = 0; i < features.size(); i++) {
            if (i + 1 < features.size() && PAIR_STARTS.contains(features.get(i))) {
                final String pair = DIGITS.get(features.get(i) + " " + features.get(i + 1));
                if (pair != null) {
                    out.add(pair);
                    i++;
                    continue;
                }
            }
            out.add(asDigits(features.get(i)));
        }
        return out;
    }
}
