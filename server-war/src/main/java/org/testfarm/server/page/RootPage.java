package org.testfarm.server.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.testfarm.server.markup.Html;
import org.testfarm.store.LogStore;

/** The site's {@code index.html}: every project with its descriptions and links. */
public record RootPage(Frame frame, List<Project> projects) implements PageModel {

    @Override
    public String template() {
        return TEMPLATE;
    }

    public static final String TEMPLATE = "root";

    public record Project(String name, String href, String historyHref, Html brief, Html description, int clients) {
    }

    public RootPage {
        projects = List.copyOf(projects);
    }

    public static RootPage of(LogStore store, List<String> names) {
        List<Project> projects = new ArrayList<>();
        for (String name : names) {
            Map<String, Object> meta = store.projectMeta(name);
            String folder = Links.encode(name) + "/";
            projects.add(new Project(name, folder + "index.html", folder + "history.html",
                    Descriptions.brief(meta), Descriptions.full(meta), store.clients(name).size()));
        }
        return new RootPage(new Frame(List.of("TestFarm projects"), "", List.of(), 0), projects);
    }
}
