package org.testfarm.literal;

/** A scalar read from a literal text, and the index just after it. */
record Scanned(Object value, int end) {
}
