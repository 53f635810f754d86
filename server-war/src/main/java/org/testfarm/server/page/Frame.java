package org.testfarm.server.page;

import java.util.List;

/**
 * What the shared layout shows around a page: its title (parts the layout joins
 * with a dash, most specific first), the relative way back to
 * the site root ("" or "../"), the trail of links above it, and how often it
 * reloads itself (0: never).
 */
public record Frame(List<String> title, String root, List<Link> trail, int refreshSeconds) {

    public Frame {
        title = List.copyOf(title);
        trail = List.copyOf(trail);
    }

    /** The frame of a page inside a project folder. */
    static Frame inProject(List<String> title, String project, int refreshSeconds, Link... more) {
        List<Link> trail = new java.util.ArrayList<>();
        trail.add(new Link("All projects", "../index.html"));
        trail.add(new Link(project, "index.html"));
        trail.addAll(List.of(more));
        return new Frame(title, "../", trail, refreshSeconds);
    }
}
