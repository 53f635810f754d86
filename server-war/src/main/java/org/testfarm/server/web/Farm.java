package org.testfarm.server.web;

import jakarta.servlet.ServletContext;

import org.testfarm.server.site.LiveSite;
import org.testfarm.state.FarmState;
import org.testfarm.store.LogStore;
import org.testfarm.wire.WireDecoder;

/**
 * What the servlets share: the log store, the state derived from it, the request
 * decoder and limits, the live web site, and who may report.
 */
public record Farm(LogStore store, FarmState state, WireDecoder decoder, long maxBodyBytes, LiveSite site,
                   ClientGuard guard) {

    public static final String ATTRIBUTE = "org.testfarm.farm";
    public static final long DEFAULT_MAX_BODY = 16L << 20;

    static Farm of(ServletContext context) {
        Farm farm = (Farm) context.getAttribute(ATTRIBUTE);
        if (farm == null) {
            throw new IllegalStateException("TestFarm did not start: see the container's log");
        }
        return farm;
    }
}
