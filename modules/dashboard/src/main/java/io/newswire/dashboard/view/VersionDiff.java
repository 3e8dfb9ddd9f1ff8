package io.newswire.dashboard.view;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What changed between two versions of a text, word by word (java-diff-utils' Myers diff over words and the spaces
 * between them), as runs of {@code same}, {@code removed} and {@code added} text. Words, not characters, because an
 * editor reads a correction as words replaced; Arabic letters joined to a changed clitic then show as the whole word.
 */
public final class VersionDiff {

    private static final Pattern WORDS_AND_SPACES = Pattern.compile("\\s+|\\S+");

    private VersionDiff() {
    }

    /** The runs turning {@code before} into {@code after}; their same+removed texts give before, same+added after. */
    public static List<Map<String, String>> runs(final String before, final String after) {
        final List<String> from = words(before);
        final List<String> to = words(after);
        final List<Map<String, String>> runs = new ArrayList<>();
        int position = 0;
        for (final AbstractDelta<String> delta : DiffUtils.diff(from, to).getDeltas()) {
            final int at = delta.getSource().getPosition();
            add(runs, "same", from.subList(position, at));
            add(runs, "removed", delta.getSource().getLines());
            add(runs, "added", delta.getTarget().getLines());
            position = at + delta.getSource().size();
        }
        add(runs, "same", from.subList(position, from.size()));
        return runs;
    }

    /** Whether any run is not {@code same}. */
    public static boolean changed(final List<Map<String, String>> runs) {
        return runs.stream().anyMatch(r -> !"same".equals(r.get("op")));
    }

    private static List<String> words(final String text) {
        final List<String> words = new ArrayList<>();
        final Matcher matcher = WORDS_AND_SPACES.matcher(text == null ? "" : text);
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    private static void add(final List<Map<String, String>> runs, final String op, final List<String> words) {
        if (words.isEmpty()) {
            return;
        }
        final String text = String.join("", words);
        if (!runs.isEmpty() && op.equals(runs.get(runs.size() - 1).get("op"))) {
            runs.get(runs.size() - 1).merge("text", text, String::concat);
            return;
        }
        final Map<String, String> run = new LinkedHashMap<>();
        run.put("op", op);
        run.put("text", text);
        runs.add(run);
    }
}
