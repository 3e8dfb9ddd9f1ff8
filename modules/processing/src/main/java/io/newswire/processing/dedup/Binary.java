package io.newswire.processing.dedup;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** The compact binary encodings of dedup's stores (no JSON: every byte goes to a changelog). */
final class Binary {

    private static final byte FINGERPRINT_V1 = 1;
    private static final byte RETAINED_V2 = 2;

    private Binary() {
    }

    /**
     * Fingerprint: version, three length-prefixed UTF-8 strings, receivedAt (8 bytes), term count (varint), then per
     * term its hash (8 bytes) and its weight quantised to 16 bits (weights of a unit vector are in [0, 1]; 1/65535 is
     * far below any threshold's resolution). About 10 bytes a distinct term.
     */
    static byte[] fingerprint(final Fingerprint f) {
        final byte[] report = f.reportId().getBytes(StandardCharsets.UTF_8);
        final byte[] article = f.articleId().getBytes(StandardCharsets.UTF_8);
        final byte[] correspondent = f.correspondentId().getBytes(StandardCharsets.UTF_8);
        final ByteBuffer out = ByteBuffer.allocate(1 + 15 + report.length + article.length + correspondent.length + 8 + 5 + f.terms().length * 10);
        out.put(FINGERPRINT_V1);
        putString(out, report);
        putString(out, article);
        putString(out, correspondent);
        out.putLong(f.receivedAtMillis());
        putVarint(out, f.terms().length);
        for (int i = 0; i < f.terms().length; i++) {
            out.putLong(f.terms()[i]);
            out.putShort((short) Math.round(Math.max(0f, Math.min(1f, f.weights()[i])) * 65535f));
        }
        final byte[] bytes = new byte[out.position()];
        out.flip().get(bytes);
        return bytes;
    }

    static Fingerprint fingerprint(final byte[] bytes) {
        return fingerprint(ByteBuffer.wrap(bytes));
    }

    /**
     * A retained report, the value of dedup's one store: version 2, its band key count (varint) and keys (8 bytes
     * each), then its {@link #fingerprint(Fingerprint) fingerprint}. One value, so remembering a report is one put.
     */
    static byte[] retained(final long[] bandKeys, final Fingerprint f) {
        final byte[] fingerprint = fingerprint(f);
        final ByteBuffer out = ByteBuffer.allocate(1 + 5 + bandKeys.length * 8 + fingerprint.length);
        out.put(RETAINED_V2);
        putVarint(out, bandKeys.length);
        for (final long key : bandKeys) {
            out.putLong(key);
        }
        out.put(fingerprint);
        final byte[] bytes = new byte[out.position()];
        out.flip().get(bytes);
        return bytes;
    }

    /** The band keys of a {@link #retained} value. */
    static long[] retainedBandKeys(final byte[] bytes) {
        final ByteBuffer in = retainedHeader(bytes);
        final long[] keys = new long[getVarint(in)];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = in.getLong();
        }
        return keys;
    }

    /** The fingerprint of a {@link #retained} value. */
    static Fingerprint retainedFingerprint(final byte[] bytes) {
        final ByteBuffer in = retainedHeader(bytes);
        final int keys = getVarint(in);
        in.position(in.position() + keys * 8);
        return fingerprint(in);
    }

    private static ByteBuffer retainedHeader(final byte[] bytes) {
        final ByteBuffer in = ByteBuffer.wrap(bytes);
        final byte version = in.get();
        if (version != RETAINED_V2) {
            throw new IllegalStateException("unknown retained report encoding " + version);
        }
        return in;
    }

    private static Fingerprint fingerprint(final ByteBuffer in) {
        final byte version = in.get();
        if (version != FINGERPRINT_V1) {
            throw new IllegalStateException("unknown fingerprint encoding " + version);
        }
        final String report = getString(in);
        final String article = getString(in);
        final String correspondent = getString(in);
        final long receivedAt = in.getLong();
        final int n = getVarint(in);
        final long[] terms = new long[n];
        final float[] weights = new float[n];
        for (int i = 0; i < n; i++) {
            terms[i] = in.getLong();
            weights[i] = (in.getShort() & 0xffff) / 65535f;
        }
        return new Fingerprint(report, article, correspondent, receivedAt, terms, weights);
    }

    static byte[] varint(final long value) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(4);
        long v = value;
        while ((v & ~0x7fL) != 0) {
            out.write((int) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
        return out.toByteArray();
    }

    static long varint(final byte[] bytes) {
        long value = 0;
        int shift = 0;
        for (final byte b : bytes) {
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
            shift += 7;
        }
        return value;
    }

    private static void putString(final ByteBuffer out, final byte[] s) {
        putVarint(out, s.length);
        out.put(s);
    }

    private static String getString(final ByteBuffer in) {
        final byte[] s = new byte[getVarint(in)];
        in.get(s);
        return new String(s, StandardCharsets.UTF_8);
    }

    private static void putVarint(final ByteBuffer out, final int value) {
        int v = value;
        while ((v & ~0x7f) != 0) {
            out.put((byte) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        out.put((byte) v);
    }

    private static int getVarint(final ByteBuffer in) {
        int value = 0;
        int shift = 0;
        byte b;
        do {
            b = in.get();
            value |= (b & 0x7f) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return value;
    }
}
