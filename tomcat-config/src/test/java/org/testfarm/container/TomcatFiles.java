package org.testfarm.container;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The files this module gives Tomcat admins, read as the tests use them: the
 * context descriptor (with the log directory an admin would write in it) and the
 * connector's limits.
 */
final class TomcatFiles {

    static final String DESCRIPTOR = "conf/Catalina/localhost/testfarm.xml";
    static final String CONNECTOR = "conf/server-connector.xml";
    static final String LOGPATH = "testfarm.logpath";
    /** Connector attributes that are the admin's own choice, not TestFarm's limits. */
    private static final Set<String> SITE_SPECIFIC = Set.of("port", "protocol", "redirectPort", "address");

    private TomcatFiles() {}

    /** The shipped descriptor with {@code logs} as the log directory, as an admin edits it. */
    static String descriptorWithLogPath(Path logs) {
        Document descriptor = read(DESCRIPTOR);
        logPathParameter(descriptor).setAttribute("value", logs.toString());
        return write(descriptor);
    }

    /** The shipped descriptor with its log directory parameter deleted: a bad configuration. */
    static String descriptorWithoutLogPath() {
        Document descriptor = read(DESCRIPTOR);
        Element parameter = logPathParameter(descriptor);
        parameter.getParentNode().removeChild(parameter);
        return write(descriptor);
    }

    /** The limits of the shipped connector: its attributes less port, protocol and the like. */
    static Map<String, String> connectorLimits() {
        Element connector = read(CONNECTOR).getDocumentElement();
        Map<String, String> limits = new LinkedHashMap<>();
        NamedNodeMap attributes = connector.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            String name = attributes.item(i).getNodeName();
            if (!SITE_SPECIFIC.contains(name)) {
                limits.put(name, attributes.item(i).getNodeValue());
            }
        }
        return limits;
    }

    private static Element logPathParameter(Document descriptor) {
        NodeList parameters = descriptor.getElementsByTagName("Parameter");
        for (int i = 0; i < parameters.getLength(); i++) {
            Element parameter = (Element) parameters.item(i);
            if (LOGPATH.equals(parameter.getAttribute("name"))) {
                return parameter;
            }
        }
        throw new AssertionError(DESCRIPTOR + " sets no Parameter " + LOGPATH);
    }

    static Document read(String relative) {
        Path file = BuildPaths.configFile(relative);
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(file.toFile());
        } catch (ParserConfigurationException | SAXException e) {
            throw new AssertionError(file + " is not well-formed XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(Document document) {
        try {
            StringWriter out = new StringWriter();
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path writeTo(Path dir, String name, String text) {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
