package org.testfarm.server.site;

/** A rendered file of the site: its bytes and media type. */
public record Rendered(byte[] body, String contentType) {
}
