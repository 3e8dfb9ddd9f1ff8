package io.newswire.enrichment.subjects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of IPTC Media Topics Newswire uses, from {@code enrichment/subjects/mediatopics.json}: code, broader code
 * and official English label. Checked on load: codes are "medtop:" and eight digits, every broader code is in the
 * file, and there is no cycle.
 */
public final class MediaTopics {

    public static final String RESOURCE = "/enrichment/subjects/mediatopics.json";

    private final Map<String, MediaTopic> byCode;

    private MediaTopics(final Map<String, MediaTopic> byCode) {
        this.byCode = byCode;
    }

    public static MediaTopics fromClasspath() {
        try (InputStream in = MediaTopics.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            return read(new ObjectMapper().readTree(in));
        } catch (final IOException e) {
            throw new UncheckedIOException("Reading " + RESOURCE, e);
        }
    }

    static MediaTopics read(final JsonNode root) {
        final Map<String, MediaTopic> topics = new LinkedHashMap<>();
        for (final JsonNode node : root.path("topics")) {
            final String code = node.path("code").asText();
            if (!code.matches("medtop:\\d{8}")) {
                throw new IllegalArgumentException("Not a Media Topic code: " + code);
            }
            final String parent = node.hasNonNull("parent") ? node.get("parent").asText() : null;
            if (topics.put(code, new MediaTopic(code, parent, node.path("en").asText())) != null) {
                throw new IllegalArgumentException("Media Topic twice: " + code);
            }
        }
        final MediaTopics result = new MediaTopics(topics);
        for (final MediaTopic topic : topics.values()) {
            if (topic.parent() != null && !topics.containsKey(topic.parent())) {
                throw new IllegalArgumentException(topic.code() + " has a broader topic not in the file: " + topic.parent());
            }
            if (result.depth(topic.code()) > topics.size()) {
                throw new IllegalArgumentException("Cycle of broader topics through " + topic.code());
            }
        }
        return result;
    }

    public MediaTopic get(final String code) {
        return byCode.get(code);
    }

    public Collection<MediaTopic> all() {
        return byCode.values();
    }

    /** 1 for a top-level topic, 2 for its children... */
    public int depth(final String code) {
        int depth = 0;
        MediaTopic topic = byCode.get(code);
        while (topic != null && depth <= byCode.size()) {
            depth++;
            topic = topic.parent() == null ? null : byCode.get(topic.parent());
        }
        return depth;
    }

    /** The broader topics of a code, nearest first. */
    public List<MediaTopic> ancestors(final String code) {
        final List<MediaTopic> result = new ArrayList<>();
        MediaTopic topic = byCode.get(code);
        while (topic != null && topic.parent() != null && result.size() < byCode.size()) {
            topic = byCode.get(topic.parent());
            result.add(topic);
        }
        return result;
    }
}
