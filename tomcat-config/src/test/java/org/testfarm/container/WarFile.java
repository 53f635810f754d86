package org.testfarm.container;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;

/** The server WAR as a container sees it: its libraries and its deployment descriptor. */
final class WarFile {

    private WarFile() {}

    /** The jar file names in WEB-INF/lib. */
    static List<String> libraries() {
        try (JarFile war = new JarFile(BuildPaths.war().toFile())) {
            return Collections.list(war.entries()).stream().map(ZipEntry::getName)
                    .filter(name -> name.startsWith("WEB-INF/lib/") && name.endsWith(".jar"))
                    .map(name -> name.substring("WEB-INF/lib/".length())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every class and resource inside the jars of WEB-INF/lib, as "jar!/entry". */
    static List<String> libraryEntries() {
        List<String> entries = new ArrayList<>();
        try (JarFile war = new JarFile(BuildPaths.war().toFile())) {
            for (String jar : libraries()) {
                try (InputStream in = war.getInputStream(war.getEntry("WEB-INF/lib/" + jar));
                     ZipInputStream nested = new ZipInputStream(in)) {
                    for (ZipEntry entry = nested.getNextEntry(); entry != null; entry = nested.getNextEntry()) {
                        entries.add(jar + "!/" + entry.getName());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    static Document webXml() {
        try (JarFile war = new JarFile(BuildPaths.war().toFile());
             InputStream in = war.getInputStream(war.getEntry("WEB-INF/web.xml"))) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new AssertionError("WEB-INF/web.xml cannot be read: " + e.getMessage(), e);
        }
    }

    /** The text of the first element named {@code name} in web.xml. */
    static String webXmlValue(String name) {
        return webXml().getElementsByTagNameNS("*", name).item(0).getTextContent().strip();
    }
}
