package org.testfarm.server.page;

/** A labelled relative link. */
public record Link(String label, String href) {
}
