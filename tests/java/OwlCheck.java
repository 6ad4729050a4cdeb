// Loads OWL documents with the OWL API, as Protege does, and reports what a
// careful reader of the OWL 2 specifications would want to know about each:
//
//   - parse errors (the document cannot be read as OWL at all),
//   - unparsed triples (RDF triples the OWL 2 RDF-to-structure mapping,
//     OWL 2 Mapping to RDF Graphs section 3, could not turn into axioms),
//   - guessed declarations (entities used without a declaration),
//   - violations of the OWL 2 DL profile (OWL 2 Structural Specification,
//     section 3 and the global restrictions of section 11), checked over the
//     imports closure.
//
// Usage: java [-Dowlcheck.detail=N] OwlCheck [--catalog catalog-v001.xml] FILE ...
// (a parse error's message is cut after N characters, 600 by default)
//
// Imports are resolved offline through the XML catalog that Protege reads
// (OASIS XML Catalogs, <uri name="IRI" uri="relative path"/>); an import the
// catalog does not map is a parse error, never a network fetch.
//
// Output, one block per FILE:
//   FILE <path>
//   parse-errors <n>
//   unparsed-triples <n>
//   guessed-declarations <n>
//   profile-violations <n>
//   detail <text>        (zero or more lines)
// Exit code 0 when every count is zero, 1 otherwise.

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.formats.RDFDocumentFormat;
import org.semanticweb.owlapi.io.OWLOntologyLoaderMetaData;
import org.semanticweb.owlapi.io.RDFParserMetaData;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.model.MissingImportHandlingStrategy;
import org.semanticweb.owlapi.model.OWLDocumentFormat;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyIRIMapper;
import org.semanticweb.owlapi.model.OWLOntologyLoaderConfiguration;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileReport;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;
import org.semanticweb.owlapi.util.SimpleIRIMapper;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

public class OwlCheck {

    /** The uri entries of an OASIS XML catalog, relative paths resolved against its folder. */
    static List<OWLOntologyIRIMapper> readCatalog(File catalog) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setExpandEntityReferences(false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        NodeList entries = factory.newDocumentBuilder().parse(catalog).getElementsByTagNameNS("*", "uri");
        List<OWLOntologyIRIMapper> mappers = new ArrayList<>();
        File base = catalog.getAbsoluteFile().getParentFile();
        for (int i = 0; i < entries.getLength(); i++) {
            Element e = (Element) entries.item(i);
            File target = new File(base, e.getAttribute("uri")).getCanonicalFile();
            if (!target.isFile()) {
                throw new IllegalArgumentException("catalog maps " + e.getAttribute("name") + " to a missing file " + target);
            }
            mappers.add(new SimpleIRIMapper(IRI.create(e.getAttribute("name")), IRI.create(target)));
        }
        return mappers;
    }

    static String oneLine(Object o) {
        return String.valueOf(o).replaceAll("\\s+", " ").trim();
    }

    static boolean check(File file, List<OWLOntologyIRIMapper> mappers) {
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        mappers.forEach(manager.getIRIMappers()::add);
        // Not strict: Protege loads leniently, and what leniency guesses is
        // reported below as guessed declarations and unparsed triples.
        OWLOntologyLoaderConfiguration config = new OWLOntologyLoaderConfiguration()
                .setMissingImportHandlingStrategy(MissingImportHandlingStrategy.THROW_EXCEPTION);
        manager.setOntologyLoaderConfiguration(config);
        List<String> details = new ArrayList<>();
        int parseErrors = 0, unparsed = 0, guessed = 0, violations = 0;
        System.out.println("FILE " + file.getPath());
        try {
            OWLOntology root = manager.loadOntologyFromOntologyDocument(file);
            for (OWLOntology ont : manager.getImportsClosure(root)) {
                OWLDocumentFormat format = manager.getOntologyFormat(ont);
                if (!(format instanceof RDFDocumentFormat)) {
                    continue;
                }
                OWLOntologyLoaderMetaData meta = format.getOntologyLoaderMetaData().orElse(null);
                if (meta instanceof RDFParserMetaData) {
                    RDFParserMetaData rdf = (RDFParserMetaData) meta;
                    String name = oneLine(ont.getOntologyID().getOntologyIRI().map(IRI::toString).orElse("(anonymous)"));
                    for (Object t : (Iterable<Object>) rdf.getUnparsedTriples().map(Object.class::cast)::iterator) {
                        unparsed++;
                        details.add("unparsed triple in " + name + ": " + oneLine(t));
                    }
                    for (var entry : rdf.getGuessedDeclarations().entries()) {
                        guessed++;
                        details.add("guessed declaration in " + name + ": " + entry.getKey() + " as " + entry.getValue().getSimpleName());
                    }
                }
            }
            OWLProfileReport report = new OWL2DLProfile().checkOntology(root);
            for (OWLProfileViolation v : report.getViolations()) {
                violations++;
                details.add("profile violation: " + oneLine(v));
            }
        } catch (Exception e) {
            parseErrors++;
            String message = oneLine(e.getMessage());
            int keep = Math.min(Integer.getInteger("owlcheck.detail", 600), message.length());
            details.add("parse error: " + e.getClass().getSimpleName() + ": " + message.substring(0, keep));
        }
        System.out.println("parse-errors " + parseErrors);
        System.out.println("unparsed-triples " + unparsed);
        System.out.println("guessed-declarations " + guessed);
        System.out.println("profile-violations " + violations);
        details.forEach(d -> System.out.println("detail " + d));
        return parseErrors + unparsed + guessed + violations == 0;
    }

    public static void main(String[] args) throws Exception {
        List<OWLOntologyIRIMapper> mappers = new ArrayList<>();
        List<File> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--catalog")) {
                mappers.addAll(readCatalog(new File(args[++i])));
            } else {
                files.add(new File(args[i]));
            }
        }
        boolean ok = true;
        for (File f : files) {
            ok &= check(f, mappers);
        }
        System.exit(ok ? 0 : 1);
    }
}
