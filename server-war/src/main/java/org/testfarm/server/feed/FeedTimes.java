package org.testfarm.server.feed;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times in feeds: ISO 8601 with the offset of the farm's zone, as CCTray and Atom want them. */
final class FeedTimes {

    private FeedTimes() {}

    static String iso(LocalDateTime time, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.withNano(0).atZone(zone).toOffsetDateTime());
    }
}
