package org.testfarm.server.page;

/** What every page model gives the layout: its frame, and the template that shows it. */
public interface PageModel {

    Frame frame();

    String template();
}
