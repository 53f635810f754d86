package org.testfarm.engine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The merged output of one command, in arrival order, stderr chunks wrapped in
 * red. Holds at most {@code capacity} bytes: the first half and the last half of
 * the stream; what lies between is counted, not kept. Appends come from the two
 * reader threads; rendering from the waiting one.
 */
final class CapturedOutput {

    static final byte[] RED = "\u001b[31m".getBytes(StandardCharsets.US_ASCII);
    static final byte[] RESET = "\u001b[0m".getBytes(StandardCharsets.US_ASCII);

    private final int headCapacity;
    private final int tailCapacity;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private byte[] tail;          // ring buffer, allocated once the head is full
    private int tailStart;        // index of the oldest byte in the ring
    private int tailLength;
    private long total;

    CapturedOutput(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity too small: " + capacity);
        }
        this.headCapacity = capacity / 2;
        this.tailCapacity = capacity - headCapacity;
    }

    synchronized void appendStdout(byte[] bytes, int length) {
        append(bytes, 0, length);
    }

    synchronized void appendStderr(byte[] bytes, int length) {
        append(RED, 0, RED.length);
        append(bytes, 0, length);
        append(RESET, 0, RESET.length);
    }

    /** Bytes received so far, kept or not. */
    synchronized long size() {
        return total;
    }

    /**
     * The output as text, at most about {@code limit} bytes of it: when longer, its
     * first and last {@code limit/2} bytes around a line saying how much was left out.
     */
    synchronized String render(int limit, Charset charset) {
        long kept = head.size() + (long) tailLength;
        if (total <= limit && kept == total) {
            return new String(contiguous(), charset);
        }
        int firstLength = Math.min(limit / 2, head.size());
        int lastLength = (int) Math.min(limit - firstLength, kept - firstLength);
        byte[] first = Arrays.copyOf(head.toByteArray(), firstLength);
        byte[] last = lastBytes(lastLength);
        long dropped = total - firstLength - lastLength;
        return new String(first, charset) + marker(first, last, dropped) + new String(last, charset);
    }

    private void append(byte[] bytes, int offset, int length) {
        total += length;
        int toHead = Math.min(length, headCapacity - head.size());
        if (toHead > 0) {
            head.write(bytes, offset, toHead);
        }
        if (length > toHead) {
            appendToTail(bytes, offset + toHead, length - toHead);
        }
    }

    private void appendToTail(byte[] bytes, int offset, int length) {
        if (tail == null) {
            tail = new byte[tailCapacity];
        }
        if (length >= tailCapacity) {
            System.arraycopy(bytes, offset + length - tailCapacity, tail, 0, tailCapacity);
            tailStart = 0;
            tailLength = tailCapacity;
            return;
        }
        int end = (tailStart + tailLength) % tailCapacity;
        int beforeWrap = Math.min(length, tailCapacity - end);
        System.arraycopy(bytes, offset, tail, end, beforeWrap);
        System.arraycopy(bytes, offset + beforeWrap, tail, 0, length - beforeWrap);
        int overflow = tailLength + length - tailCapacity;
        if (overflow > 0) {
            tailStart = (tailStart + overflow) % tailCapacity;
            tailLength = tailCapacity;
        } else {
            tailLength += length;
        }
    }

    /** Head and tail end to end (the whole stream when nothing was dropped). */
    private byte[] contiguous() {
        byte[] all = Arrays.copyOf(head.toByteArray(), head.size() + tailLength);
        copyTail(all, head.size(), 0, tailLength);
        return all;
    }

    /** The last {@code length} kept bytes, reaching back into the head when the tail is short. */
    private byte[] lastBytes(int length) {
        byte[] result = new byte[length];
        int fromTail = Math.min(length, tailLength);
        int fromHead = length - fromTail;
        byte[] headBytes = head.toByteArray();
        System.arraycopy(headBytes, headBytes.length - fromHead, result, 0, fromHead);
        copyTail(result, fromHead, tailLength - fromTail, fromTail);
        return result;
    }

    private void copyTail(byte[] target, int at, int from, int length) {
        for (int i = 0; i < length; i++) {
            target[at + i] = tail[(tailStart + from + i) % tailCapacity];
        }
    }

    /**
     * The line standing for the dropped bytes; it closes a red stderr chunk left
     * open by the first part and reopens it when the last part starts inside one.
     */
    private static String marker(byte[] first, byte[] last, long dropped) {
        StringBuilder line = new StringBuilder();
        if (first.length > 0 && first[first.length - 1] != '\n') {
            line.append('\n');
        }
        boolean redOpen = lastIndexOf(first, RED) > lastIndexOf(first, RESET);
        if (redOpen) {
            line.append("\u001b[0m");
        }
        line.append(Notes.PREFIX).append(dropped).append(" bytes of output left out here\n");
        int firstReset = indexOf(last, RESET);
        int firstRed = indexOf(last, RED);
        if (firstReset >= 0 && (firstRed < 0 || firstReset < firstRed)) {
            line.append("\u001b[31m");
        }
        return line.toString();
    }

    private static int indexOf(byte[] bytes, byte[] pattern) {
        for (int i = 0; i + pattern.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] bytes, byte[] pattern) {
        for (int i = bytes.length - pattern.length; i >= 0; i--) {
            if (Arrays.equals(bytes, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        return -1;
    }
}
